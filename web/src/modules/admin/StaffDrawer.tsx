import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type Area,
  type Department,
  type Extension,
  GENDERS,
  ROLE_LABELS,
  ROLES,
  type Role,
  type SkillGroup,
  type Staff,
} from '@switchboard/shared';
import { Alert, App, Button, Checkbox, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { createItem, updateItem } from './admin-api.ts';
import { useAdminMessages } from './admin-messages.ts';
import { areaOption } from './ExtensionsTab.tsx';
import { RemoteSelect } from './RemoteSelect.tsx';
import { showServerErrors } from './server-errors.ts';

type Values = {
  employeeNo: string;
  name: string;
  gender: (typeof GENDERS)[number];
  phone?: string;
  departmentId: number | null;
  areaId: number | null;
  extensionId: number | null;
  roles: Role[];
  skills: { skillGroupId: number; level: number }[];
  password?: string;
};

const FIELDS = [
  'employeeNo',
  'name',
  'gender',
  'phone',
  'departmentId',
  'areaId',
  'extensionId',
  'roles',
  'skills',
  'password',
] as const;

const EMPLOYEE_NO = /^[A-Za-z0-9_-]{2,20}$/;
const PHONE = /^\+?[0-9][0-9 -]{2,30}$/;

const departmentOption = (d: Department) => ({ value: d.id, label: d.name });
const skillOption = (g: SkillGroup) => ({ value: g.id, label: g.name });
const extensionOption = (e: Extension) => ({
  value: e.id,
  label: e.staffName ? `${e.number}（${e.staffName}）` : e.number,
});

type Props = { staff: Staff | 'new' | null; onClose: () => void; onSaved: () => void };

/** Create or edit one staff member (员工), with roles and skill levels. */
export function StaffDrawer({ staff, onClose, onSaved }: Props) {
  const t = useAdminMessages();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isNew = staff === 'new';

  useEffect(() => {
    if (staff === null) return;
    setError(null);
    form.resetFields();
    if (staff !== 'new') {
      form.setFieldsValue({
        employeeNo: staff.employeeNo,
        name: staff.name,
        gender: staff.gender,
        phone: staff.phone ?? '',
        departmentId: staff.departmentId,
        areaId: staff.areaId,
        extensionId: staff.extensionId,
        roles: staff.roles,
        skills: staff.skills.map((k) => ({ skillGroupId: k.skillGroupId, level: k.level })),
      });
    }
  }, [staff, form]);

  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    const common = {
      name: v.name.trim(),
      gender: v.gender,
      phone: v.phone?.trim() || null,
      departmentId: v.departmentId ?? null,
      areaId: v.areaId ?? null,
      extensionId: v.extensionId ?? null,
      roles: v.roles,
      skills: v.skills ?? [],
    };
    try {
      if (staff === 'new') {
        await createItem('/api/staff', { ...common, employeeNo: v.employeeNo.trim(), password: v.password });
      } else if (staff) {
        await updateItem('/api/staff', staff.id, common);
      }
      message.success(t('common.saved'));
      onSaved();
    } catch (caught) {
      setError(showServerErrors(form, caught, FIELDS));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={staff !== null}
      size="large"
      forceRender
      title={isNew ? t('staff.createTitle') : t('staff.editTitle', { employeeNo: staff?.employeeNo ?? '' })}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="staff-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="staff-error" />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        disabled={saving}
        initialValues={{ gender: 'unknown', roles: ['agent'], skills: [] }}
        data-testid="staff-form"
      >
        <Form.Item
          name="employeeNo"
          label={t('staff.employeeNo')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { pattern: EMPLOYEE_NO, message: t('staff.employeeNoFormat') },
          ]}
        >
          <Input disabled={!isNew} maxLength={20} data-testid="staff-employee-no" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('staff.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: 50, message: t('common.maxChars', { max: 50 }) },
          ]}
        >
          <Input data-testid="staff-name" />
        </Form.Item>
        <Form.Item name="gender" label={t('staff.gender')}>
          <Select options={GENDERS.map((g) => ({ value: g, label: t(`staff.gender.${g}`) }))} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('staff.phone')}
          rules={[{ pattern: PHONE, message: t('staff.phoneFormat') }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('staff.department')}>
          <RemoteSelect<Department> path="/api/departments" toOption={departmentOption} />
        </Form.Item>
        <Form.Item name="areaId" label={t('staff.area')}>
          <RemoteSelect<Area> path="/api/areas" toOption={areaOption} />
        </Form.Item>
        <Form.Item name="extensionId" label={t('staff.extension')}>
          <RemoteSelect<Extension>
            path="/api/extensions"
            searchable
            toOption={extensionOption}
            knownOptions={
              staff && staff !== 'new' && staff.extensionId
                ? [{ value: staff.extensionId, label: staff.extension ?? '' }]
                : []
            }
          />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('staff.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('staff.rolesRequired') }]}
        >
          <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][locale] }))} />
        </Form.Item>
        <Form.Item label={t('staff.skills')}>
          <Form.List
            name="skills"
            rules={[
              {
                validator: async (_, skills: Values['skills'] | undefined) => {
                  const ids = (skills ?? []).map((k) => k?.skillGroupId).filter(Boolean);
                  if (new Set(ids).size !== ids.length) throw new Error(t('staff.duplicateSkill'));
                },
              },
            ]}
          >
            {(rows, { add, remove }, { errors }) => (
              <>
                {rows.map((row) => (
                  <Space key={row.key} align="baseline">
                    <Form.Item
                      name={[row.name, 'skillGroupId']}
                      rules={[{ required: true, message: t('common.required') }]}
                      style={{ width: 220 }}
                    >
                      <RemoteSelect<SkillGroup> path="/api/skill-groups" toOption={skillOption} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'level']}
                      rules={[{ required: true, message: t('common.required') }]}
                    >
                      <InputNumber min={1} max={5} precision={0} placeholder={t('staff.level')} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(row.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ level: 3 })}>
                  {t('staff.addSkill')}
                </Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </Form.Item>
        {isNew && (
          <Form.Item
            name="password"
            label={t('staff.password')}
            rules={[
              { required: true, message: t('common.required') },
              { min: 8, max: 128, message: t('staff.passwordLength') },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="staff-password" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
