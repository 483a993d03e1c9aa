import { z } from 'zod';

export const TASKS = ['extraction', 'cv_draft', 'cover_letter', 'validation'] as const;
export const taskSchema = z.enum(TASKS);
export type Task = z.infer<typeof taskSchema>;

export const ROLES = ['recruiter', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const idSchema = z.string().min(1).max(64);
export const emptyInputSchema = z.object({}).strict();
