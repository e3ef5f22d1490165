import {
  ANNOUNCEMENT_AUDIENCES,
  ANNOUNCEMENT_LIMITS,
  type Announcement,
  type AnnouncementAudience,
  type Area,
  type SkillGroup,
  type Staff,
} from '@switchboard/shared';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Radio, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { createItem, updateItem } from '../admin/admin-api.ts';
import { staffOption } from '../admin/DepartmentsTab.tsx';
import { areaOption } from '../admin/ExtensionsTab.tsx';
import { RemoteSelect } from '../admin/RemoteSelect.tsx';
import { showServerErrors } from '../admin/server-errors.ts';
import { useAnnouncementMessages } from './announcement-messages.ts';
import { ANNOUNCEMENTS_PATH } from './announcements-api.ts';

type Values = {
  title: string;
  body: string;
  urgent: boolean;
  validity: [Dayjs, Dayjs | null];
  audience: AnnouncementAudience;
  targetIds: number[];
};

const FIELDS = ['title', 'body', 'urgent', 'validity', 'audience', 'targetIds'] as const;
const skillOption = (g: SkillGroup) => ({ value: g.id, label: g.name });

type Props = { announcement: Announcement | 'new' | null; onClose: () => void; onSaved: () => void };

/** Write or change one announcement: text, urgency, validity and who it is for. */
export function AnnouncementDrawer({ announcement, onClose, onSaved }: Props) {
  const t = useAnnouncementMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const audience = Form.useWatch('audience', form);

  useEffect(() => {
    if (announcement === null) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      announcement === 'new'
        ? { urgent: false, audience: 'all', targetIds: [], validity: [dayjs(), null] }
        : {
            title: announcement.title,
            body: announcement.body,
            urgent: announcement.urgent,
            validity: [
              dayjs(announcement.validFrom),
              announcement.validTo ? dayjs(announcement.validTo) : null,
            ],
            audience: announcement.audience,
            targetIds: announcement.targets.map((x) => x.id),
          },
    );
  }, [announcement, form]);

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    const body = {
      title: v.title.trim(),
      body: v.body.trim(),
      urgent: v.urgent ?? false,
      validFrom: v.validity[0].toISOString(),
      validTo: v.validity[1]?.toISOString() ?? null,
      audience: v.audience,
      targetIds: v.audience === 'all' ? [] : (v.targetIds ?? []),
    };
    try {
      if (announcement === 'new') await createItem(ANNOUNCEMENTS_PATH, body);
      else if (announcement) await updateItem(ANNOUNCEMENTS_PATH, announcement.id, body);
      message.success(t('ann.admin.saved'));
      onSaved();
    } catch (caught) {
      // validFrom / validTo errors belong to the one period picker.
      setError(showServerErrors(form, caught, FIELDS, { validFrom: 'validity', validTo: 'validity' }));
    } finally {
      setSaving(false);
    }
  };

  const knownTargets =
    announcement && announcement !== 'new'
      ? announcement.targets.map((x) => ({ value: x.id, label: x.label }))
      : [];

  return (
    <Drawer
      open={announcement !== null}
      size="large"
      forceRender
      title={announcement === 'new' ? t('ann.admin.createTitle') : t('ann.admin.editTitle')}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('ann.admin.cancel')}</Button>
          <Button
            type="primary"
            loading={saving}
            onClick={() => form.submit()}
            data-testid="announcement-save"
          >
            {t('ann.admin.save')}
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        disabled={saving}
        data-testid="announcement-form"
      >
        <Form.Item
          name="title"
          label={t('ann.admin.title')}
          rules={[
            { required: true, whitespace: true, message: t('ann.admin.required') },
            {
              max: ANNOUNCEMENT_LIMITS.title,
              message: t('ann.admin.maxChars', { max: ANNOUNCEMENT_LIMITS.title }),
            },
          ]}
        >
          <Input showCount maxLength={ANNOUNCEMENT_LIMITS.title} data-testid="announcement-title-input" />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('ann.admin.body')}
          rules={[
            { required: true, whitespace: true, message: t('ann.admin.required') },
            {
              max: ANNOUNCEMENT_LIMITS.body,
              message: t('ann.admin.maxChars', { max: ANNOUNCEMENT_LIMITS.body }),
            },
          ]}
        >
          <Input.TextArea
            rows={6}
            showCount
            maxLength={ANNOUNCEMENT_LIMITS.body}
            data-testid="announcement-body-input"
          />
        </Form.Item>
        <Form.Item name="urgent" label={t('ann.admin.urgent')} valuePropName="checked">
          <Switch data-testid="announcement-urgent" />
        </Form.Item>
        <Form.Item
          name="validity"
          label={t('ann.admin.validity')}
          extra={t('ann.admin.validityHint')}
          rules={[
            { required: true, message: t('ann.admin.required') },
            {
              validator: async (_, range: Values['validity'] | undefined) => {
                if (!range?.[0]) throw new Error(t('ann.admin.required'));
                if (range[1] && !range[1].isAfter(range[0])) throw new Error(t('ann.admin.toBeforeFrom'));
              },
            },
          ]}
        >
          <DatePicker.RangePicker showTime allowEmpty={[false, true]} />
        </Form.Item>
        <Form.Item name="audience" label={t('ann.admin.audience')}>
          <Radio.Group
            options={ANNOUNCEMENT_AUDIENCES.map((a) => ({ value: a, label: t(`ann.admin.audience.${a}`) }))}
            onChange={() => form.setFieldValue('targetIds', [])}
            data-testid="announcement-audience"
          />
        </Form.Item>
        {audience && audience !== 'all' && (
          <Form.Item
            name="targetIds"
            label={t('ann.admin.targets')}
            rules={[{ required: true, type: 'array', min: 1, message: t('ann.admin.targetsRequired') }]}
          >
            <TargetPicker audience={audience} knownOptions={knownTargets} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}

type PickerProps = {
  audience: Exclude<AnnouncementAudience, 'all'>;
  knownOptions: { value: number; label: string }[];
  value?: number[];
  onChange?: (value: number[]) => void;
};

function TargetPicker({ audience, knownOptions, value, onChange }: PickerProps) {
  const common = {
    multiple: true,
    knownOptions,
    value: value ?? [],
    onChange: (v: number | number[] | null) => onChange?.(Array.isArray(v) ? v : []),
    testId: 'announcement-targets',
  };
  if (audience === 'staff')
    return <RemoteSelect<Staff> {...common} path="/api/staff" searchable toOption={staffOption} />;
  if (audience === 'skill_groups')
    return <RemoteSelect<SkillGroup> {...common} path="/api/skill-groups" toOption={skillOption} />;
  return <RemoteSelect<Area> {...common} path="/api/areas" toOption={areaOption} />;
}
