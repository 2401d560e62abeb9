import { Alert, Button, Card, Group, Rating, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useFormProblem } from '../components/FormProblem';
import { PageTitle } from '../components/PageTitle';
import { PageLoader } from '../components/RequireAuth';
import { api } from '../lib/api';
import { ApiError } from '../lib/problem';

interface Survey {
  kind: 'request' | 'yearly';
  requestNumber: number | null;
  answered: boolean;
}

const RATING_WORDS = ['', 'Very unhappy', 'Unhappy', 'Neither happy nor unhappy', 'Happy', 'Very happy'];

function ThankYou() {
  return (
    <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title="Thank you" role="status" data-testid="survey-thanks">
      Your answer is saved. It helps us make support better.
    </Alert>
  );
}

/** SUP-5: the survey a mail links to, answered without signing in. */
export function SurveyPage() {
  const { token = '' } = useParams();
  const path = `/api/support/surveys/${encodeURIComponent(token)}`;
  const survey = useQuery({ queryKey: ['survey', token], queryFn: () => api.get<Survey>(path), retry: false });
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const form = useFormProblem();
  const answer = useMutation({ mutationFn: () => api.post<{ answered: true }>(path, { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) }) });

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    form.clear();
    if (rating < 1) return form.setFieldError('rating', 'Choose from 1 to 5 stars.');
    try {
      await answer.mutateAsync();
    } catch (err) {
      form.setProblem(err);
    }
  }

  const heading = survey.data?.requestNumber ? `How did we do with request #${survey.data.requestNumber}?` : 'How happy are you with our support?';

  return (
    <Stack gap="lg" maw={560} mx="auto">
      <PageTitle>Support survey</PageTitle>
      {survey.isPending && <PageLoader label="Loading the survey" />}
      {survey.error && (
        <Alert color="gray" variant="light" role="alert" title="This link is not valid">
          {survey.error instanceof ApiError && survey.error.status === 404
            ? 'The survey may have been removed, or the link is incomplete.'
            : survey.error.message}
        </Alert>
      )}
      {(survey.data?.answered || answer.isSuccess) && <ThankYou />}
      {survey.data && !survey.data.answered && !answer.isSuccess && (
        <Card withBorder padding="lg">
          {form.alert}
          <form ref={form.formRef} onSubmit={submit} noValidate aria-label="Survey">
            <Stack gap="md">
              <Text fw={600} id="rating-label">
                {heading}
              </Text>
              <Stack gap={4}>
                <Rating
                  value={rating}
                  onChange={(value) => {
                    setRating(value);
                    form.clear();
                  }}
                  size="xl"
                  count={5}
                  getSymbolLabel={(n) => (n === 0 ? 'No rating' : n === 1 ? '1 star' : `${n} stars`)}
                  aria-labelledby="rating-label"
                  role="radiogroup"
                  data-testid="survey-rating"
                />
                <Text size="sm" c={form.fields.rating ? 'red' : 'dimmed'} role={form.fields.rating ? 'alert' : undefined} aria-live="polite">
                  {form.fields.rating ?? (rating > 0 ? `${rating} of 5: ${RATING_WORDS[rating]}` : '1 star is very unhappy, 5 stars very happy.')}
                </Text>
              </Stack>
              <Textarea
                label="Anything you want to tell us? (optional)"
                autosize
                minRows={3}
                maxLength={2000}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                error={form.fields.comment}
              />
              <Group>
                <Button type="submit" loading={answer.isPending}>
                  Send answer
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}
