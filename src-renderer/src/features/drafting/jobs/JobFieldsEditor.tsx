import { Divider } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { JOB_FIELD_NAMES, type JobFieldName, type JobPostingDto } from '@contract';
import { ExtractAgainDialog } from './ExtractAgainDialog';
import { ExtractControls } from './ExtractControls';
import { JobFieldsForm } from './JobFieldsForm';
import { useJobFieldsForm } from './use-job-fields-form';

/**
 * Extraction and the editable fields of one stored version of a posting (mount it keyed on `updatedAt`). "Extract
 * again" asks first when any field was edited by hand; unsaved edits the recruiter keeps are saved before it runs.
 */
export function JobFieldsEditor({
  job,
  running,
  onExtract,
  onSaved,
  children,
}: {
  job: JobPostingDto;
  running: boolean;
  /** `keepEdited`: the edited fields that keep the recruiter's value (undefined when none was edited). */
  onExtract: (keepEdited?: JobFieldName[]) => void;
  onSaved: (job: JobPostingDto) => void;
  /** Shown between the extraction controls and the fields (the last extraction's outcome). */
  children?: ReactNode;
}) {
  const editor = useJobFieldsForm(job, onSaved);
  const [asking, setAsking] = useState(false);
  const edited = JOB_FIELD_NAMES.filter((n) => job.editedFields.includes(n) || editor.unsaved.includes(n));

  const extract = () => {
    if (edited.length === 0) onExtract();
    else setAsking(true);
  };
  const confirm = async (keep: JobFieldName[]) => {
    setAsking(false);
    if (editor.unsaved.some((n) => keep.includes(n))) {
      if (!(await editor.saveNow())) return;
    } else if (editor.unsaved.length > 0) editor.undo();
    onExtract(keep);
  };

  return (
    <>
      <ExtractControls job={job} running={running} onExtract={extract} />
      {children}
      <Divider label="Fields" labelPosition="left" />
      <JobFieldsForm editor={editor} edited={job.editedFields} />
      {asking && (
        <ExtractAgainDialog
          fields={edited}
          unsaved={editor.unsaved}
          onCancel={() => setAsking(false)}
          onConfirm={(keep) => void confirm(keep)}
        />
      )}
    </>
  );
}
