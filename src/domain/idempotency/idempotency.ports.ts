/** A stored answer to a request that carried an Idempotency-Key. */
export interface StoredResponse {
  readonly statusCode: number
  /** The headers a replay repeats (location, content type, ETag), lower-case. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/** What the store knows of a key when a request with it arrives. */
export type IdempotencyBegin =
  /** First use (or the first use was abandoned): this request goes ahead and its answer is stored. */
  | { readonly state: 'new' }
  /** The first request with the key is still being answered. */
  | { readonly state: 'in-progress' }
  /** The key was used with another request (method, path or body). */
  | { readonly state: 'mismatch' }
  /** The key's request was answered: the same answer is given again. */
  | { readonly state: 'done'; readonly response: StoredResponse }

/**
 * Answers to create requests by (user, Idempotency-Key), kept for a day, so a client that lost an answer can send
 * the request again and get the same answer instead of a second resource.
 */
export interface IdempotencyStore {
  /**
   * Claims `key` for this request (`fingerprint` identifies it), or says what the key already holds. A claim older
   * than `abandonedBefore` whose answer never came (the process died mid-request) is taken over.
   */
  begin(claim: {
    userId: string
    key: string
    fingerprint: string
    at: Date
    abandonedBefore: Date
    expiredBefore: Date
  }): Promise<IdempotencyBegin>
  /** Stores the answer for a claimed key. */
  complete(userId: string, key: string, response: StoredResponse): Promise<void>
  /** Releases a claimed key whose request failed on the server's side, so a retry runs it again. */
  release(userId: string, key: string): Promise<void>
}
