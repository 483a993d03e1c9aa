CREATE TABLE `validation_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` text NOT NULL,
	`report` text NOT NULL,
	`provider_name` text,
	`request_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `validation_reports_document` ON `validation_reports` (`document_id`,`created_at`);