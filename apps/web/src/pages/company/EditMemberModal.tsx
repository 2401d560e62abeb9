import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useFormProblem } from '../../components/FormProblem';
import { ASSIGNABLE_ROLES, type AssignableRole, languageName, type Member, type MemberEdit, ROLE_LABELS, useEditMember } from '../../lib/company';

const LANGUAGE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/;

/** ORG-3: an administrator corrects a colleague's name or language, or sets their role. */
export function EditMemberModal({ member, onClose }: { member: Member; onClose: () => void }) {
  const [name, setName] = useState(member.name);
  const [language, setLanguage] = useState(member.language ?? '');
  const [role, setRole] = useState<string>(member.role);
  const edit = useEditMember();
  const form = useFormProblem();
  const owner = member.role === 'owner';

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    const change: MemberEdit = {};
    const n = name.trim();
    const l = language.trim();
    if (l && !LANGUAGE.test(l)) return form.setFieldError('language', 'Use a language code such as en or de-AT.');
    if (n !== member.name) change.name = n;
    if (l !== (member.language ?? '')) change.language = l || null;
    if (!owner && role !== member.role) change.role = role as AssignableRole;
    if (Object.keys(change).length === 0) return onClose();
    try {
      await edit.mutateAsync({ memberId: member.id, edit: change });
      notifications.show({ color: 'green', message: `${n || member.email} is saved.` });
      onClose();
    } catch (err) {
      form.setProblem(err);
    }
  }

  return (
    <Modal opened onClose={onClose} title={`Edit ${member.name || member.email}`} centered>
      {form.alert}
      <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Edit colleague">
        <Stack gap="md">
          <TextInput label="Name" name="name" maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.fields.name} />
          <TextInput
            label="Language"
            name="language"
            description={languageName(language.trim()) ?? 'A language code, e.g. en or de-AT; empty for none'}
            maxLength={16}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value)}
            error={form.fields.language}
          />
          <Select
            label="Role"
            data={owner ? [{ value: 'owner', label: ROLE_LABELS.owner }] : ASSIGNABLE_ROLES}
            value={role}
            onChange={(value) => value && setRole(value)}
            allowDeselect={false}
            disabled={owner}
            description={owner ? 'Whoever registered the company owns it and stays its administrator.' : undefined}
            error={form.fields.role}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={edit.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={edit.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
