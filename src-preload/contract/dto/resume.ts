// Schemas are z.lazy (built on first use, so a command builds only its channels' schemas) unless code extends them or reads their shape.
import { z } from 'zod';

// JSON Resume 1.x (https://jsonresume.org/schema), the candidate record. The main process also checks every
// record against the JSON schema that @jsonresume/schema ships; these zod shapes type it for the contract and
// keep any extra property (the schema allows them) as it was.

const text = z.string().max(5000);
/** YYYY, YYYY-MM or YYYY-MM-DD, as the schema's iso8601 definition says. */
const isoDate = z.string().regex(/^[1-2]\d{3}(?:-[0-1]\d(?:-[0-3]\d)?)?$/u);
const strings = z.array(z.string().max(1000)).max(100);

const profileLink = z.looseObject({ network: text.optional(), username: text.optional(), url: text.optional() });

export const resumeBasicsSchema = z.lazy(() =>
  z.looseObject({
    name: z.string().max(200).optional(),
    label: text.optional(),
    image: text.optional(),
    email: text.optional(),
    phone: text.optional(),
    url: text.optional(),
    summary: text.optional(),
    location: z
      .looseObject({
        address: text.optional(),
        postalCode: text.optional(),
        city: text.optional(),
        countryCode: text.optional(),
        region: text.optional(),
      })
      .optional(),
    profiles: z.array(profileLink).max(50).optional(),
  }),
);

const datedEntry = {
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  summary: text.optional(),
  highlights: strings.optional(),
  url: text.optional(),
};

export const resumeWorkSchema = z.lazy(() =>
  z.looseObject({
    name: text.optional(),
    location: text.optional(),
    description: text.optional(),
    position: text.optional(),
    ...datedEntry,
  }),
);
export type ResumeWork = z.infer<typeof resumeWorkSchema>;

export const resumeVolunteerSchema = z.lazy(() =>
  z.looseObject({
    organization: text.optional(),
    position: text.optional(),
    ...datedEntry,
  }),
);

export const resumeEducationSchema = z.lazy(() =>
  z.looseObject({
    institution: text.optional(),
    url: text.optional(),
    area: text.optional(),
    studyType: text.optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    score: text.optional(),
    courses: strings.optional(),
  }),
);
export type ResumeEducation = z.infer<typeof resumeEducationSchema>;

export const resumeProjectSchema = z.lazy(() =>
  z.looseObject({
    name: text.optional(),
    description: text.optional(),
    entity: text.optional(),
    type: text.optional(),
    roles: strings.optional(),
    keywords: strings.optional(),
    ...datedEntry,
  }),
);

export const resumeSchema = z.lazy(() =>
  z.looseObject({
    $schema: text.optional(),
    basics: resumeBasicsSchema.optional(),
    work: z.array(resumeWorkSchema).max(100).optional(),
    volunteer: z.array(resumeVolunteerSchema).max(100).optional(),
    education: z.array(resumeEducationSchema).max(50).optional(),
    awards: z
      .array(
        z.looseObject({
          title: text.optional(),
          date: isoDate.optional(),
          awarder: text.optional(),
          summary: text.optional(),
        }),
      )
      .max(100)
      .optional(),
    certificates: z
      .array(
        z.looseObject({
          name: text.optional(),
          date: isoDate.optional(),
          url: text.optional(),
          issuer: text.optional(),
        }),
      )
      .max(100)
      .optional(),
    publications: z
      .array(
        z.looseObject({
          name: text.optional(),
          publisher: text.optional(),
          releaseDate: isoDate.optional(),
          url: text.optional(),
          summary: text.optional(),
        }),
      )
      .max(100)
      .optional(),
    skills: z
      .array(z.looseObject({ name: text.optional(), level: text.optional(), keywords: strings.optional() }))
      .max(200)
      .optional(),
    languages: z
      .array(z.looseObject({ language: text.optional(), fluency: text.optional() }))
      .max(50)
      .optional(),
    interests: z
      .array(z.looseObject({ name: text.optional(), keywords: strings.optional() }))
      .max(50)
      .optional(),
    references: z
      .array(z.looseObject({ name: text.optional(), reference: text.optional() }))
      .max(50)
      .optional(),
    projects: z.array(resumeProjectSchema).max(100).optional(),
    meta: z
      .looseObject({ canonical: text.optional(), version: text.optional(), lastModified: text.optional() })
      .optional(),
  }),
);
export type Resume = z.infer<typeof resumeSchema>;

/** The sections of a JSON Resume that hold entries (arrays). */
export const RESUME_SECTIONS = [
  'work',
  'volunteer',
  'education',
  'awards',
  'certificates',
  'publications',
  'skills',
  'languages',
  'interests',
  'references',
  'projects',
] as const;
export type ResumeSection = (typeof RESUME_SECTIONS)[number];

/** Where a fact was read: the file, its page (PDF) or paragraph (DOCX) when known, and the line of the stored source text. */
export const sourceRefSchema = z.lazy(() =>
  z.object({
    file: z.string().max(255),
    page: z.number().int().positive().optional(),
    paragraph: z.number().int().positive().optional(),
    /** 1-based line of the candidate's stored source text; 0 when the fact was not read from a line (a JSON file). */
    line: z.number().int().nonnegative(),
    /** The last line when the fact was wrapped over several lines. */
    endLine: z.number().int().positive().optional(),
    /** The source line as written. */
    text: z.string().max(2000),
  }),
);
export type SourceRef = z.infer<typeof sourceRefSchema>;

/** A bullet the parser could not place under an entry: kept and shown, never attached to another entry. */
export const unassignedItemSchema = z.lazy(() =>
  z.object({
    text: z.string().max(2000),
    /** The section heading it was under, as written ("" before the first heading). */
    section: z.string().max(200),
    source: sourceRefSchema,
  }),
);
export type UnassignedItem = z.infer<typeof unassignedItemSchema>;

/** The candidate record: a JSON Resume, the provenance of its facts keyed by JSON pointer ("/work/0/highlights/2"), and what could not be placed. */
export const candidateRecordSchema = z.lazy(() =>
  z.object({
    resume: resumeSchema,
    provenance: z.record(z.string().max(200), sourceRefSchema),
    unassigned: z.array(unassignedItemSchema).max(500),
  }),
);
export type CandidateRecord = z.infer<typeof candidateRecordSchema>;
