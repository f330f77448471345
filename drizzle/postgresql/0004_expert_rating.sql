CREATE TABLE "rating_answers" (
	"study_id" text NOT NULL,
	"expert_id" text NOT NULL,
	"round" integer NOT NULL,
	"determinant" integer NOT NULL,
	"strategy" text NOT NULL,
	"relevance" integer,
	"feasibility" integer,
	"comment" text,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "rating_answers_expert_id_round_determinant_strategy_pk" PRIMARY KEY("expert_id","round","determinant","strategy")
);
--> statement-breakpoint
CREATE TABLE "rating_experts" (
	"id" text PRIMARY KEY NOT NULL,
	"study_id" text NOT NULL,
	"pseudonym" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"last_seen_at" bigint,
	CONSTRAINT "rating_experts_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "rating_links" (
	"study_id" text NOT NULL,
	"determinant" integer NOT NULL,
	"strategy" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "rating_links_study_id_determinant_strategy_pk" PRIMARY KEY("study_id","determinant","strategy")
);
--> statement-breakpoint
CREATE TABLE "rating_studies" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"questions" jsonb NOT NULL,
	"rounds" integer NOT NULL,
	"rule" jsonb NOT NULL,
	"current_round" integer DEFAULT 1 NOT NULL,
	"closed_at" bigint,
	"closed_reason" text,
	"owner_token_hash" text NOT NULL,
	"source_id" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "rating_studies_ownerTokenHash_unique" UNIQUE("owner_token_hash")
);
--> statement-breakpoint
ALTER TABLE "rating_answers" ADD CONSTRAINT "rating_answers_study_id_rating_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."rating_studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_answers" ADD CONSTRAINT "rating_answers_expert_id_rating_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."rating_experts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_experts" ADD CONSTRAINT "rating_experts_study_id_rating_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."rating_studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_links" ADD CONSTRAINT "rating_links_study_id_rating_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."rating_studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rating_answers_study_idx" ON "rating_answers" USING btree ("study_id","round");--> statement-breakpoint
CREATE INDEX "rating_experts_study_idx" ON "rating_experts" USING btree ("study_id");