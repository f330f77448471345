/**
 * @module Response declarations shared by the route definitions (OpenAPI only).
 */
import { ErrorResponse } from '../schemas/api.ts'
import type { z } from 'zod'

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})

export const errors = {
  400: json(ErrorResponse, 'Malformed request: the issues name each offending field'),
  404: json(ErrorResponse, 'No such determinant, strategy or route'),
  422: json(ErrorResponse, 'Well-formed request naming something that does not exist or is not allowed'),
}
