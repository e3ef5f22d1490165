import { Typography } from 'antd';

/** The server's messages about one row, under it. */
export function RowErrors({ messages, testId }: { messages: string[] | undefined; testId: string }) {
  if (!messages?.length) return null;
  return (
    <div data-testid={testId} role="alert">
      {messages.map((m) => (
        <Typography.Text key={m} type="danger" style={{ display: 'block' }}>
          {m}
        </Typography.Text>
      ))}
    </div>
  );
}
