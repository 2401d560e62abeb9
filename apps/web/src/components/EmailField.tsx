import { TextInput } from '@mantine/core';

interface EmailFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  /** `username` on sign-in forms, so password managers pair it with the password. */
  autoComplete?: string;
}

export function EmailField({ value, onChange, error, required = true, autoComplete = 'username' }: EmailFieldProps) {
  return (
    <TextInput
      label="Email address"
      name="email"
      type="email"
      autoComplete={autoComplete}
      required={required}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}
