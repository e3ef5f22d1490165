import type { CallTag } from '@switchboard/shared';
import { Tag, Tooltip } from 'antd';
import { useCallTagMessages } from './call-tag-messages.ts';

/** formats "报修 / 已派工单 · 东区" */
export function callTagLabel(tag: CallTag): string {
  const purpose = tag.subtypeName ? `${tag.purposeName} / ${tag.subtypeName}` : tag.purposeName;
  return tag.areaName ? `${purpose} · ${tag.areaName}` : purpose;
}

/** A call's tag in the call history (from `useCallTags`); the note and who tagged in its tooltip. */
export function CallTagCell({ tag }: { tag: CallTag | undefined }) {
  const m = useCallTagMessages();
  if (!tag) return <span className="sb-muted">{m('tag.cell.none')}</span>;
  const title = [tag.note, `${tag.taggedByName} · ${new Date(tag.taggedAt).toLocaleString()}`]
    .filter(Boolean)
    .join(' — ');
  return (
    <Tooltip title={title}>
      <Tag color="blue" data-testid="call-tag-cell">
        {callTagLabel(tag)}
      </Tag>
    </Tooltip>
  );
}
