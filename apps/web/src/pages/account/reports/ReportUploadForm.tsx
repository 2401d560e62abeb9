import { Checkbox } from '@mantine/core';
import { useState } from 'react';
import { MAX_REPORT_BYTES, type ReportView, uploadReport } from '../../../lib/reports';
import { formatSize } from '../../../lib/upload';
import { FileUpload } from '../support/FileUpload';

export const OWN_COMPUTER = 'This report is from my own computer and holds nothing confidential';

/**
 * GSI-1 and GSI-3: a report is uploaded only with the uploader's confirmation; the field is sent
 * only when the box is ticked, so an unticked box can never reach the server as consent.
 */
export function ReportUploadForm({ requestId, onUploaded }: { requestId: string | null; onUploaded: (report: ReportView) => void }) {
  const [confirmed, setConfirmed] = useState(false);

  return (
    <FileUpload
      label="Report file"
      description={`A steward-diag bundle (.tar.gz) or an sos report, up to ${formatSize(MAX_REPORT_BYTES)}.`}
      accept=".gz,.tgz,.xz,.txz,application/gzip,application/x-xz"
      maxBytes={MAX_REPORT_BYTES}
      buttonLabel={requestId ? 'Upload report to this request' : 'Upload report'}
      precondition={() => (confirmed ? null : 'Confirm that the report is from your own computer and holds nothing confidential.')}
      upload={(file, onProgress) => uploadReport(file, requestId, onProgress)}
      onUploaded={(_file, report) => {
        setConfirmed(false);
        onUploaded(report);
      }}
    >
      <Checkbox label={OWN_COMPUTER} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
    </FileUpload>
  );
}
