import type { Kysely, Transaction } from 'kysely'
import type { Tables } from './tables.js'

/**
 * Locks the owner's usage row for the rest of the transaction, creating it at zero on the first write, and returns
 * the bytes the owner stores. Every write that changes a user's stored bytes takes this lock first (before any
 * resume row), so writes of one user take turns: two that each fit but not together never both pass.
 */
export async function lockStorage(trx: Transaction<Tables>, ownerId: string): Promise<number> {
  const read = () =>
    trx.selectFrom('user_usage').select('storage_bytes').where('user_id', '=', ownerId).forUpdate().executeTakeFirst()
  let row = await read()
  if (!row) {
    await trx
      .insertInto('user_usage')
      .values({ user_id: ownerId, storage_bytes: 0 })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute()
    row = await read()
  }
  return Number(row?.storage_bytes ?? 0)
}

/** Adds `delta` (negative: frees) to the owner's stored bytes; call after lockStorage in the same transaction. */
export async function addStorage(trx: Transaction<Tables>, ownerId: string, delta: number): Promise<void> {
  if (delta === 0) return
  await trx
    .updateTable('user_usage')
    .set((eb) => ({ storage_bytes: eb('storage_bytes', '+', delta) }))
    .where('user_id', '=', ownerId)
    .execute()
}

/** How many jobs, applications or resumes (trashed ones included) the owner has, as the count quotas count them. */
export async function countOwned(
  db: Kysely<Tables> | Transaction<Tables>,
  table: 'jobs' | 'resumes' | 'applications',
  ownerId: string,
): Promise<number> {
  const { count } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('owner_id', '=', ownerId)
    .executeTakeFirstOrThrow()
  return Number(count)
}
