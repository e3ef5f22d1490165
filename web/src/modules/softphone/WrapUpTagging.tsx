import { CloseOutlined, TagOutlined } from '@ant-design/icons';
import type { CallTagSettings, CallTagTree } from '@switchboard/shared';
import { App, Button } from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { isApiRequestError } from '../../api/api-error.ts';
import { callTagLabel } from '../call-tags/CallTagCell.tsx';
import { type CallTagDraft, CallTagPicker, draftComplete, EMPTY_DRAFT } from '../call-tags/CallTagPicker.tsx';
import { useCallTagMessages } from '../call-tags/call-tag-messages.ts';
import {
  type AreaOption,
  fetchAreas,
  fetchCallTagOf,
  fetchCallTagSettings,
  fetchCallTagTree,
  tagCall,
} from '../call-tags/call-tags-api.ts';
import type { AgentCommand, AgentView } from './softphone-api.ts';

type Tagging = {
  /** The tag panel, shown from wrap-up until the next call or until closed. */
  panel: ReactNode;
  /** 整理完成: saves a complete unsaved pick first; with no tag asks (or refuses, when mandatory). */
  finishWrapUp: () => void;
};

// The CDR is written just after the call ends: a first read may come before it.
const CDR_RETRY_MS = 700;
const CDR_RETRIES = 5;

/** The wrap-up step's tag picker (CTI-19) and the guard on 整理完成. */
export function useWrapUpTagging(
  agent: AgentView | null,
  run: (command: AgentCommand) => Promise<boolean>,
): Tagging {
  const m = useCallTagMessages();
  const { message, modal } = App.useApp();
  const wrapUpCall = agent?.state === 'after_call_work' ? agent.callId : null;
  const [callId, setCallId] = useState<string | null>(null);
  const [tree, setTree] = useState<CallTagTree | null>(null);
  const [areas, setAreas] = useState<AreaOption[]>([]);
  const [settings, setSettings] = useState<CallTagSettings | null>(null);
  const [draft, setDraft] = useState<CallTagDraft>(EMPTY_DRAFT);
  const [saved, setSaved] = useState<string | null>(null);
  const [editable, setEditable] = useState(true);
  const [saving, setSaving] = useState(false);

  // A new wrap-up opens the panel for its call; another call (ringing, talking) closes it.
  useEffect(() => {
    if (wrapUpCall) setCallId(wrapUpCall);
    else if (agent?.callId) setCallId(null);
  }, [wrapUpCall, agent?.callId]);

  useEffect(() => {
    if (!callId) return;
    let live = true;
    setDraft(EMPTY_DRAFT);
    setSaved(null);
    setEditable(true);
    fetchCallTagTree().then(
      (t) => live && setTree(t),
      () => undefined,
    );
    fetchCallTagSettings().then(
      (s) => live && setSettings(s),
      () => undefined,
    );
    fetchAreas().then(
      (a) => live && setAreas(a.items),
      () => undefined,
    );
    const load = (attempt: number) =>
      fetchCallTagOf(callId).then(
        (of) => {
          if (!live) return;
          setEditable(of.editable);
          if (of.tag) {
            const { purposeId, subtypeId, areaId, note } = of.tag;
            setDraft({ purposeId, subtypeId, areaId, note: note ?? '' });
            setSaved(callTagLabel(of.tag));
          } else {
            // The CDR can come late (retries): keep what the agent picked meanwhile, only fill
            // the suggested area if none was chosen.
            setDraft((d) => (d.areaId === null ? { ...d, areaId: of.suggestedAreaId } : d));
          }
        },
        (error: unknown) => {
          if (live && isApiRequestError(error) && error.status === 404 && attempt < CDR_RETRIES) {
            setTimeout(() => void load(attempt + 1), CDR_RETRY_MS);
          }
        },
      );
    void load(0);
    return () => {
      live = false;
    };
  }, [callId]);

  const save = useCallback(async (): Promise<boolean> => {
    if (!callId) return false;
    if (!draftComplete(tree, draft)) {
      message.warning(m('tag.picker.required'));
      return false;
    }
    setSaving(true);
    try {
      const of = await tagCall(callId, {
        purposeId: draft.purposeId ?? 0,
        subtypeId: draft.subtypeId,
        areaId: draft.areaId,
        note: draft.note.trim() || null,
      });
      if (of.tag) setSaved(callTagLabel(of.tag));
      message.success(m('tag.picker.saved'));
      return true;
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
      return false;
    } finally {
      setSaving(false);
    }
  }, [callId, tree, draft, message, m]);

  const finish = useCallback(() => void run({ path: 'wrap-up/finish' }), [run]);

  const finishWrapUp = useCallback(() => {
    void (async () => {
      if (saved || !callId) return finish();
      if (draftComplete(tree, draft)) {
        if (await save()) finish();
        return;
      }
      if (settings?.tagRequired) {
        message.warning(m('tag.mandatory'));
        return;
      }
      modal.confirm({
        title: m('tag.confirm.title'),
        content: m('tag.confirm.body'),
        okText: m('tag.confirm.ok'),
        cancelText: m('tag.confirm.cancel'),
        okButtonProps: { 'data-testid': 'tag-confirm-finish' },
        onOk: finish,
      });
    })();
  }, [saved, callId, tree, draft, settings, save, finish, message, modal, m]);

  const panel = callId ? (
    <section
      aria-label={m('tag.picker.title')}
      className="sb-wrap-up-tag"
      data-testid="wrap-up-tag-panel"
      style={{ flexBasis: '100%', display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}
    >
      <TagOutlined aria-hidden="true" />
      <strong>{m('tag.picker.title')}</strong>
      <CallTagPicker
        tree={tree}
        areas={areas}
        value={draft}
        onChange={setDraft}
        disabled={!editable}
        autoFocus={!saved}
      />
      <Button
        size="small"
        type="primary"
        loading={saving}
        disabled={!editable}
        onClick={() => void save()}
        data-testid="tag-save"
      >
        {m('tag.picker.save')}
      </Button>
      <span data-testid="tag-status" className="sb-muted">
        {!editable ? m('tag.picker.locked') : saved ? m('tag.picker.tagged', { tag: saved }) : ''}
      </span>
      {wrapUpCall ? null : (
        <Button
          size="small"
          type="text"
          icon={<CloseOutlined />}
          aria-label={m('tag.admin.cancel')}
          onClick={() => setCallId(null)}
          data-testid="tag-close"
        />
      )}
    </section>
  ) : null;

  return { panel, finishWrapUp };
}
