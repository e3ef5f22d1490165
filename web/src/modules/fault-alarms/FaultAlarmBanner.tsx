import type { Role } from '@switchboard/shared';
import { Alert, App, Button, Tag } from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { LEVEL_COLORS, useFaultAlarmMessages } from './fault-alarm-messages.ts';
import { acknowledgeFaultAlarm } from './fault-alarms-api.ts';
import { useFaultAlarms } from './use-fault-alarms.ts';

const ACKNOWLEDGERS: readonly Role[] = ['team_lead', 'duty_lead', 'admin'];
const ALERT_TYPE = { 1: 'error', 2: 'warning', 3: 'warning' } as const;

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The live fault pre-alarm (SUP-12) shown on every agent's desktop until it clears. */
export function FaultAlarmBanner() {
  const m = useFaultAlarmMessages();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const { items, refresh } = useFaultAlarms();
  const [acking, setAcking] = useState<number | null>(null);
  const canAck = user.roles.some((r) => ACKNOWLEDGERS.includes(r));
  if (items.length === 0) return null;

  const ack = async (areaId: number) => {
    setAcking(areaId);
    try {
      await acknowledgeFaultAlarm(areaId);
      refresh();
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setAcking(null);
    }
  };

  return (
    <div className="sb-fault-alarms" data-testid="fault-alarm-banner" role="alert">
      {items.map((a) => {
        const level = m(`alarm.level.${a.level}`);
        return (
          <Alert
            key={a.areaId}
            type={ALERT_TYPE[a.level]}
            showIcon
            style={{ marginBottom: 6 }}
            data-testid={`fault-alarm-${a.areaId}`}
            data-level={a.level}
            title={
              <span>
                <Tag color={LEVEL_COLORS[a.level]}>{level}</Tag>
                {m('alarm.banner.title', { area: a.areaName, level })}
              </span>
            }
            description={
              <span>
                {m('alarm.banner.detail', { count: a.count, since: time(a.raisedAt) })}
                {a.acknowledgedByName
                  ? ` · ${m('alarm.banner.acknowledged', { name: a.acknowledgedByName })}`
                  : ''}
              </span>
            }
            action={
              canAck && !a.acknowledgedAt ? (
                <Button
                  size="small"
                  loading={acking === a.areaId}
                  onClick={() => void ack(a.areaId)}
                  data-testid={`fault-alarm-ack-${a.areaId}`}
                >
                  {m('alarm.ack')}
                </Button>
              ) : undefined
            }
          />
        );
      })}
    </div>
  );
}
