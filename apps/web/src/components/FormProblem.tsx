import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type FormProblem, toFormProblem } from '../lib/problem';

const EMPTY: FormProblem = { message: null, fields: {} };

/**
 * Error state of a form: a general message shown in an alert and messages per field.
 * When an error arrives, focus moves to the first invalid field, or to the alert.
 */
export function useFormProblem() {
  const [problem, setProblemState] = useState<FormProblem>(EMPTY);
  const [seq, setSeq] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (seq === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], input[data-invalid="true"], input[data-error]');
    if (invalid) invalid.focus();
    else alertRef.current?.focus();
  }, [seq]);

  const setProblem = useCallback((err: unknown, fieldMap?: Record<string, string>) => {
    const p = toFormProblem(err, fieldMap);
    setProblemState(p);
    setSeq((n) => n + 1);
    return p;
  }, []);

  const setFieldError = useCallback((field: string, message: string) => {
    setProblemState({ message: null, fields: { [field]: message } });
    setSeq((n) => n + 1);
  }, []);

  const setMessage = useCallback((message: string) => {
    setProblemState({ message, fields: {} });
    setSeq((n) => n + 1);
  }, []);

  const clear = useCallback(() => setProblemState(EMPTY), []);

  const alert = problem.message ? (
    <Alert
      ref={alertRef}
      tabIndex={-1}
      role="alert"
      color="red"
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      mb="md"
      title="Something needs your attention"
    >
      {problem.message}
    </Alert>
  ) : null;

  return {
    problem,
    fields: problem.fields,
    setProblem,
    setFieldError,
    setMessage,
    clear,
    formRef,
    alert,
  };
}
