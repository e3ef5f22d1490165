import type { CallTagTree } from '@switchboard/shared';
import { Cascader, Input, Select } from 'antd';
import { useCallTagMessages } from './call-tag-messages.ts';
import type { AreaOption } from './call-tags-api.ts';

/** What the agent picks: purpose → sub-type (sub-type null for a purpose without any), area, note. */
export type CallTagDraft = {
  purposeId: number | null;
  subtypeId: number | null;
  areaId: number | null;
  note: string;
};

export const EMPTY_DRAFT: CallTagDraft = { purposeId: null, subtypeId: null, areaId: null, note: '' };

/** Whether the draft names a purpose and, when the purpose has sub-types, one of them. */
export function draftComplete(tree: CallTagTree | null, d: CallTagDraft): boolean {
  const purpose = tree?.items.find((p) => p.id === d.purposeId);
  if (!purpose) return false;
  return purpose.children.length === 0 || purpose.children.some((c) => c.id === d.subtypeId);
}

type Props = {
  tree: CallTagTree | null;
  areas: AreaOption[];
  value: CallTagDraft;
  onChange: (next: CallTagDraft) => void;
  disabled?: boolean;
  autoFocus?: boolean;
};

/** The cascader purpose → sub-type, the caller's area and a note; typing filters the cascader. */
export function CallTagPicker({ tree, areas, value, onChange, disabled, autoFocus }: Props) {
  const m = useCallTagMessages();
  const options = (tree?.items ?? []).map((p) => ({
    value: p.id,
    label: p.name,
    children: p.children.length ? p.children.map((c) => ({ value: c.id, label: c.name })) : undefined,
  }));
  const path =
    value.purposeId === null ? [] : [value.purposeId, ...(value.subtypeId ? [value.subtypeId] : [])];
  return (
    <span className="sb-call-tag-picker" style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 6 }}>
      <Cascader
        size="small"
        style={{ minWidth: 200 }}
        options={options}
        value={path}
        disabled={disabled}
        autoFocus={autoFocus}
        showSearch
        allowClear
        placeholder={m('tag.picker.purposePlaceholder')}
        aria-label={m('tag.picker.purpose')}
        data-testid="tag-purpose"
        onChange={(picked) => {
          const ids = (picked ?? []) as number[];
          onChange({ ...value, purposeId: ids[0] ?? null, subtypeId: ids[1] ?? null });
        }}
      />
      <Select
        size="small"
        style={{ minWidth: 110 }}
        value={value.areaId}
        disabled={disabled}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={m('tag.picker.areaPlaceholder')}
        aria-label={m('tag.picker.area')}
        data-testid="tag-area"
        options={areas.map((a) => ({ value: a.id, label: a.name }))}
        onChange={(areaId) => onChange({ ...value, areaId: areaId ?? null })}
      />
      <Input
        size="small"
        style={{ width: 180 }}
        value={value.note}
        disabled={disabled}
        maxLength={500}
        placeholder={m('tag.picker.note')}
        aria-label={m('tag.picker.note')}
        data-testid="tag-note"
        onChange={(e) => onChange({ ...value, note: e.target.value })}
      />
    </span>
  );
}
