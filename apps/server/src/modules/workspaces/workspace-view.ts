import { Type } from '@fastify/type-provider-typebox';
import { WORKSPACE_ROLES } from './schema.ts';

export const RoleIn = Type.Union(WORKSPACE_ROLES.map((r) => Type.Literal(r)));

export const WorkspaceOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  licenseId: Type.String(),
  role: RoleIn,
  createdAt: Type.String(),
});

export const MemberOut = Type.Object({ userId: Type.String(), role: RoleIn });

export const WorkspaceParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const MemberParams = Type.Object({ id: Type.String({ format: 'uuid' }), userId: Type.String({ minLength: 1, maxLength: 64 }) });
export const DeviceParams = Type.Object({ id: Type.String({ format: 'uuid' }), deviceId: Type.String({ format: 'uuid' }) });
