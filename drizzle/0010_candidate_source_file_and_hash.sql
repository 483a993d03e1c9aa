ALTER TABLE `candidates` ADD `source_file` blob;--> statement-breakpoint
ALTER TABLE `candidates` ADD `source_hash` text;--> statement-breakpoint
CREATE INDEX `candidates_source_hash` ON `candidates` (`source_hash`);