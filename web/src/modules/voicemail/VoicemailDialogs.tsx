import { VOICEMAIL_RESULT_MAX, type VoicemailAssignees } from '@switchboard/shared';
import { Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { fetchAssignees } from './voicemail-api.ts';
import { useVoicemailMessages } from './voicemail-messages.ts';

type AssignProps = {
  id: number | null;
  onClose: () => void;
  onSubmit: (id: number, agentId: number) => void;
};

/** A lead picks the agent who follows the message up. */
export function AssignModal({ id, onClose, onSubmit }: AssignProps) {
  const t = useVoicemailMessages();
  const [people, setPeople] = useState<VoicemailAssignees['items']>([]);
  const [agentId, setAgentId] = useState<number | undefined>();
  useEffect(() => {
    setAgentId(undefined);
    if (id !== null)
      fetchAssignees().then(
        (r) => setPeople(r.items),
        () => setPeople([]),
      );
  }, [id]);
  return (
    <Modal
      open={id !== null}
      title={t('vm.assign.to')}
      okText={t('vm.ok')}
      cancelText={t('vm.cancel')}
      okButtonProps={{
        disabled: agentId === undefined,
        ...({ 'data-testid': 'voicemail-assign-ok' } as object),
      }}
      onCancel={onClose}
      onOk={() => id !== null && agentId !== undefined && onSubmit(id, agentId)}
      destroyOnHidden
    >
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%' }}
        value={agentId}
        onChange={setAgentId}
        data-testid="voicemail-assign-select"
        options={people.map((p) => ({ value: p.id, label: `${p.employeeNo} ${p.name}` }))}
      />
    </Modal>
  );
}

type HandleProps = { id: number | null; onClose: () => void; onSubmit: (id: number, result: string) => void };

/** Closing a message needs a word on what was done. */
export function HandleModal({ id, onClose, onSubmit }: HandleProps) {
  const t = useVoicemailMessages();
  const [form] = Form.useForm<{ result: string }>();
  return (
    <Modal
      open={id !== null}
      title={t('vm.handle')}
      okText={t('vm.ok')}
      cancelText={t('vm.cancel')}
      okButtonProps={{ ...({ 'data-testid': 'voicemail-handle-ok' } as object) }}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => id !== null && onSubmit(id, v.result.trim()))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="result"
          label={t('vm.handle.result')}
          rules={[{ required: true, whitespace: true, message: t('vm.handle.required') }]}
        >
          <Input.TextArea rows={3} maxLength={VOICEMAIL_RESULT_MAX} data-testid="voicemail-handle-result" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
