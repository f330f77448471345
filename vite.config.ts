import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/domain/**/*.test.ts', 'test/server/**/*.test.ts', 'test/data/**/*.test.ts'],
        },
      },
    ],
  },
})
