CREATE TABLE "answer_scales" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"label_nl" text NOT NULL,
	"label_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clusters" (
	"id" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"origin" text NOT NULL,
	"eric_name" text,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"description_nl" text NOT NULL,
	"description_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "determinant_strategies" (
	"determinant_number" integer NOT NULL,
	"strategy_id" text NOT NULL,
	"source_id" text NOT NULL,
	"method_id" text NOT NULL,
	"strength" double precision NOT NULL,
	"basis" text DEFAULT 'imported' NOT NULL,
	"cell" text,
	"construct" text,
	"via_nl" text,
	"via_en" text,
	"rationale_nl" text NOT NULL,
	"rationale_en" text NOT NULL,
	CONSTRAINT "determinant_strategies_determinant_number_strategy_id_source_id_pk" PRIMARY KEY("determinant_number","strategy_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "determinants" (
	"number" integer PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"group" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"name_verified" boolean NOT NULL,
	"definition_nl" text NOT NULL,
	"definition_en" text NOT NULL,
	"respondent" text NOT NULL,
	CONSTRAINT "determinants_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" text PRIMARY KEY NOT NULL,
	"determinant_number" integer NOT NULL,
	"position" integer NOT NULL,
	"text_nl" text NOT NULL,
	"text_en" text NOT NULL,
	"scale_id" text NOT NULL,
	"reverse" boolean NOT NULL,
	"verified" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_search" (
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"lang" text NOT NULL,
	"name" text NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "kb_search_kind_ref_lang_pk" PRIMARY KEY("kind","ref","lang")
);
--> statement-breakpoint
CREATE TABLE "methods" (
	"id" text PRIMARY KEY NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"description_nl" text NOT NULL,
	"description_en" text NOT NULL,
	"bases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"fixed_strength" double precision
);
--> statement-breakpoint
CREATE TABLE "scale_options" (
	"scale_id" text NOT NULL,
	"value" integer NOT NULL,
	"position" integer NOT NULL,
	"label_nl" text NOT NULL,
	"label_en" text NOT NULL,
	"valence" text NOT NULL,
	"score" double precision,
	CONSTRAINT "scale_options_scale_id_value_pk" PRIMARY KEY("scale_id","value")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"label_nl" text,
	"citation" text NOT NULL,
	"url" text,
	"kind" text NOT NULL,
	"tier" text DEFAULT 'imported' NOT NULL,
	"evidence" text NOT NULL,
	"description_nl" text NOT NULL,
	"description_en" text NOT NULL,
	"origin" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategies" (
	"id" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"eric_number" integer,
	"eric_name" text,
	"sister_number" integer,
	"origin" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"description_nl" text NOT NULL,
	"description_en" text NOT NULL,
	"example_nl" text NOT NULL,
	"example_en" text NOT NULL,
	"cluster_id" text NOT NULL,
	"effort" text NOT NULL,
	"waltz_importance" double precision,
	"waltz_feasibility" double precision,
	"waltz_quadrant" text,
	"mechanism_changed" boolean DEFAULT false NOT NULL,
	"adaptation_note_nl" text,
	"adaptation_note_en" text,
	CONSTRAINT "strategies_ericNumber_unique" UNIQUE("eric_number")
);
--> statement-breakpoint
CREATE TABLE "strategy_actors" (
	"strategy_id" text NOT NULL,
	"actor" text NOT NULL,
	CONSTRAINT "strategy_actors_strategy_id_actor_pk" PRIMARY KEY("strategy_id","actor")
);
--> statement-breakpoint
CREATE TABLE "strategy_phases" (
	"strategy_id" text NOT NULL,
	"phase" text NOT NULL,
	CONSTRAINT "strategy_phases_strategy_id_phase_pk" PRIMARY KEY("strategy_id","phase")
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"workspace_id" text NOT NULL,
	"tool" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "import_mappings_workspace_id_tool_pk" PRIMARY KEY("workspace_id","tool")
);
--> statement-breakpoint
CREATE TABLE "plan_entries" (
	"round_id" text NOT NULL,
	"strategy_id" text NOT NULL,
	"position" integer NOT NULL,
	"status" text NOT NULL,
	"spec" jsonb NOT NULL,
	"barriers" jsonb NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "plan_entries_round_id_strategy_id_pk" PRIMARY KEY("round_id","strategy_id")
);
--> statement-breakpoint
CREATE TABLE "rounds" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"state" text NOT NULL,
	"closes_at" bigint,
	"respondent_token_hash" text,
	"link_generation" integer DEFAULT 1 NOT NULL,
	"submission_count" integer DEFAULT 0 NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"settings" jsonb NOT NULL,
	"plan_title" text DEFAULT '' NOT NULL,
	"plan_revision" integer DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"closed_at" bigint,
	CONSTRAINT "rounds_respondentTokenHash_unique" UNIQUE("respondent_token_hash")
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"client_id" text NOT NULL,
	"seq" integer NOT NULL,
	"role" text NOT NULL,
	"group" text,
	"answers" jsonb NOT NULL,
	"received_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"label" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"last_used_at" bigint,
	"revoked_at" bigint,
	CONSTRAINT "team_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "workspaces" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"innovation" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"groups" jsonb NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facilitator_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"last_used_at" bigint,
	CONSTRAINT "facilitator_tokens_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "network_invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"used_at" bigint,
	CONSTRAINT "network_invitations_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "network_memberships" (
	"network_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"joined_at" bigint NOT NULL,
	CONSTRAINT "network_memberships_network_id_workspace_id_pk" PRIMARY KEY("network_id","workspace_id")
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"min_group_size" integer DEFAULT 5 NOT NULL,
	"parent_id" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "networks_min_group_size_floor" CHECK ("networks"."min_group_size" >= 3)
);
--> statement-breakpoint
ALTER TABLE "determinant_strategies" ADD CONSTRAINT "determinant_strategies_determinant_number_determinants_number_fk" FOREIGN KEY ("determinant_number") REFERENCES "public"."determinants"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "determinant_strategies" ADD CONSTRAINT "determinant_strategies_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "determinant_strategies" ADD CONSTRAINT "determinant_strategies_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "determinant_strategies" ADD CONSTRAINT "determinant_strategies_method_id_methods_id_fk" FOREIGN KEY ("method_id") REFERENCES "public"."methods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_determinant_number_determinants_number_fk" FOREIGN KEY ("determinant_number") REFERENCES "public"."determinants"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_scale_id_answer_scales_id_fk" FOREIGN KEY ("scale_id") REFERENCES "public"."answer_scales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scale_options" ADD CONSTRAINT "scale_options_scale_id_answer_scales_id_fk" FOREIGN KEY ("scale_id") REFERENCES "public"."answer_scales"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_actors" ADD CONSTRAINT "strategy_actors_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_phases" ADD CONSTRAINT "strategy_phases_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_entries" ADD CONSTRAINT "plan_entries_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_tokens" ADD CONSTRAINT "team_tokens_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilitator_tokens" ADD CONSTRAINT "facilitator_tokens_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_invitations" ADD CONSTRAINT "network_invitations_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_memberships" ADD CONSTRAINT "network_memberships_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_memberships" ADD CONSTRAINT "network_memberships_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_parent_id_networks_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."networks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "determinant_strategies_strategy_idx" ON "determinant_strategies" USING btree ("strategy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rounds_workspace_position_idx" ON "rounds" USING btree ("workspace_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_round_client_idx" ON "submissions" USING btree ("round_id","client_id");--> statement-breakpoint
CREATE INDEX "submissions_round_seq_idx" ON "submissions" USING btree ("round_id","seq");--> statement-breakpoint
CREATE INDEX "team_tokens_workspace_idx" ON "team_tokens" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "facilitator_tokens_network_idx" ON "facilitator_tokens" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "network_invitations_network_idx" ON "network_invitations" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "network_memberships_workspace_idx" ON "network_memberships" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "networks_parent_idx" ON "networks" USING btree ("parent_id");