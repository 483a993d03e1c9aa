ALTER TABLE `document_versions` ADD `route_reason` text;--> statement-breakpoint
ALTER TABLE `document_versions` ADD `sent_to` text;