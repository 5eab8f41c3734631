import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifySchema,
  onRequestHookHandler,
  preValidationHookHandler,
} from 'fastify'
import { bearerSecurity, requireAuth } from '../plugins/auth.js'
import { problemResponses } from '../schemas/problem.js'

/** What a route states about itself: the group adds tag, summary, security and the problem responses. */
export type OwnSchema = FastifySchema & { response: Record<number, unknown> }

/** The route's schema as Fastify sees it; the route's own request and response types are kept for inference. */
export type GroupSchema<S extends OwnSchema> = Omit<S, 'response'> & {
  tags: string[]
  summary: string
  response: S['response'] & typeof problemResponses
}

/** Route options besides the schema that some routes set. */
export interface RouteExtras {
  config?: FastifyContextConfig
  onRequest?: onRequestHookHandler
  preValidation?: preValidationHookHandler
}

/** Options of one route of a group: `route(summary, { params, body, response }, { config })`. */
export type RouteOf = <S extends OwnSchema>(
  summary: string,
  own: S,
  extras?: RouteExtras,
) => RouteExtras & { schema: GroupSchema<S> }

/** Routes under the OpenAPI `tag`, with the error responses every route may give; `security` when they need a session. */
export function routesOf(tag: string, security?: FastifySchema['security']): RouteOf {
  const tags = [tag]
  return (summary, own, extras) => ({
    ...extras,
    schema: {
      tags,
      summary,
      ...own,
      ...(security && { security }),
      response: { ...own.response, ...problemResponses },
    },
  })
}

/** The TypeBox-typed instance for a tag's public routes, and the options builder for them. */
export function publicRoutes(server: FastifyInstance, tag: string) {
  return { app: server.withTypeProvider<TypeBoxTypeProvider>(), route: routesOf(tag) }
}

/**
 * The TypeBox-typed instance for a tag's routes that need a signed-in user: every route registered on it runs
 * `requireAuth` first (401 without a session), and its schemas declare the bearer and cookie security.
 */
export function signedInRoutes(server: FastifyInstance, tag: string) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()
  app.addHook('onRequest', requireAuth)
  return { app, route: routesOf(tag, bearerSecurity) }
}
