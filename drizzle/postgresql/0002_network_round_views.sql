CREATE TABLE "network_round_views" (
	"network_id" text NOT NULL,
	"round_id" text NOT NULL,
	"shown" text NOT NULL,
	"shown_at" bigint NOT NULL,
	CONSTRAINT "network_round_views_network_id_round_id_pk" PRIMARY KEY("network_id","round_id")
);
--> statement-breakpoint
ALTER TABLE "network_round_views" ADD CONSTRAINT "network_round_views_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_round_views" ADD CONSTRAINT "network_round_views_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_round_views_round_idx" ON "network_round_views" USING btree ("round_id");