import { defineConfig } from 'drizzle-kit'

/** The PostgreSQL migrations (drizzle.config.ts is SQLite's); `npm run db:generate` runs both. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/pg/schema.ts',
  out: './drizzle/postgresql',
  casing: 'snake_case',
})
