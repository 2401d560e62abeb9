import { Type } from '@fastify/type-provider-typebox';
import { SECTION_IDS } from './parse/report-model.ts';
import { REPORT_SOURCES, REPORT_STATUSES } from './schema.ts';

const Severity = Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical')]);

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const StaffReadQuery = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 500 }) }, { additionalProperties: false });

export const ReportListItem = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  source: Type.Union(REPORT_SOURCES.map((source) => Type.Literal(source))),
  status: Type.Union(REPORT_STATUSES.map((status) => Type.Literal(status))),
  requestId: Type.Union([Type.String(), Type.Null()]),
  fileName: Type.String(),
  size: Type.Number(),
  findings: Type.Array(Type.Object({ code: Type.String(), severity: Severity })),
});

export const ReportView = Type.Object({
  ...ReportListItem.properties,
  sha256: Type.String(),
  problem: Type.Union([Type.String(), Type.Null()]),
  sections: Type.Array(
    Type.Object({
      id: Type.Union(SECTION_IDS.map((id) => Type.Literal(id))),
      title: Type.String(),
      rows: Type.Array(Type.Object({ label: Type.String(), value: Type.String() })),
      text: Type.Optional(Type.String()),
    }),
  ),
  findings: Type.Array(Type.Object({ code: Type.String(), severity: Severity, title: Type.String(), detail: Type.String() })),
});

export const UploadTokenOut = Type.Object({ token: Type.String(), expiresAt: Type.String(), command: Type.String() });
export const BundleReceived = Type.Object({ reportId: Type.String(), sha256: Type.String() });
