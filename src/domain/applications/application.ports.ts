import type { Application, ApplicationCursor, ApplicationFilter, ApplicationSort } from './application.types.js'

export interface ApplicationListQuery extends ApplicationFilter {
  readonly sort: ApplicationSort
  /** Strictly after this position of the same sort, when given. */
  readonly after?: ApplicationCursor | undefined
  readonly limit: number
}

export interface ApplicationRepository {
  /**
   * Stores a new application and returns it as stored, in one transaction with the owner's count: throws
   * QUOTA_EXCEEDED `applications` when the owner already keeps `limit` of them; nothing is stored then.
   */
  create(application: Application, limit: number): Promise<Application>
  /** How many applications the owner keeps. */
  count(ownerId: string): Promise<number>
  /** The owner's application, or undefined when absent or owned by someone else. */
  findById(ownerId: string, id: string): Promise<Application | undefined>
  /**
   * The owner's applications matching the filter, in the order of `sort` (see compareSortPositions), at most `limit`.
   */
  list(ownerId: string, query: ApplicationListQuery): Promise<Application[]>
  /**
   * Replaces the owner's application with `next` (same id and owner) only if its stored revision is still
   * `expectedRevision`; returns the stored application, or undefined when it is gone or its revision moved on.
   */
  update(next: Application, expectedRevision: number): Promise<Application | undefined>
  /** Deletes the owner's application; false when there was no such application for this owner. */
  delete(ownerId: string, id: string): Promise<boolean>
}
