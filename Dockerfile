# The app as compose.yaml runs it: built once, started with node (migrations and the load of
# the knowledge base happen at start, under PostgreSQL advisory locks).
FROM node:20-bookworm-slim
WORKDIR /app
# better-sqlite3 compiles its addon when no prebuilt one fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
CMD ["node", "dist/server/main.js"]
