export type ClaimType =
  | 'employer'
  | 'job title'
  | 'date'
  | 'degree'
  | 'school'
  | 'number'
  | 'moved bullet'
  | 'name'
  | 'skill'
  | 'certification'
  | 'language'
  | 'years of experience';

/** Something the draft states about the candidate that the source does not back. */
export interface UnsupportedClaim {
  type: ClaimType;
  text: string;
  /** The draft line it appears on. */
  line: string;
}
