import type { MyAnnouncement } from '@switchboard/shared';
import { Button, Empty, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAnnouncementMessages } from './announcement-messages.ts';
import { useMyAnnouncements } from './use-my-announcements.ts';
import './announcements.css';

const SHOWN_BY_DEFAULT = 3;

/** 公告通知区 (UI-5): three titles, urgent first; a title opens its text; 显示全部 opens them all. */
export function AnnouncementArea() {
  const t = useAnnouncementMessages();
  const { items, error, markRead } = useMyAnnouncements();
  const [showAll, setShowAll] = useState(false);
  const [opened, setOpened] = useState<MyAnnouncement | null>(null);

  const open = (a: MyAnnouncement) => {
    setOpened(a);
    if (!a.read) markRead(a.id);
  };

  return (
    <section className="sb-announcements" data-testid="announcement-area" aria-label={t('ann.area.title')}>
      <header className="sb-announcements__header">
        <Typography.Text strong>{t('ann.area.title')}</Typography.Text>
        {items.length > 0 && (
          <Button
            type="link"
            size="small"
            onClick={() => setShowAll(true)}
            data-testid="announcements-show-all"
          >
            {t('ann.area.showAll')}
            {items.length > SHOWN_BY_DEFAULT ? ` (${items.length})` : ''}
          </Button>
        )}
      </header>
      {items.length === 0 ? (
        <Typography.Text type="secondary" className="sb-announcements__empty" title={error ?? undefined}>
          {t('ann.area.empty')}
        </Typography.Text>
      ) : (
        <ul className="sb-announcements__titles">
          {items.slice(0, SHOWN_BY_DEFAULT).map((a) => (
            <li key={a.id}>
              <TitleLink announcement={a} onOpen={open} />
            </li>
          ))}
        </ul>
      )}

      <Modal
        open={showAll}
        title={t('ann.area.allTitle')}
        footer={null}
        onCancel={() => setShowAll(false)}
        width={640}
      >
        {items.length === 0 ? (
          <Empty description={t('ann.area.empty')} />
        ) : (
          <List
            dataSource={items}
            renderItem={(a) => (
              <List.Item key={a.id} data-testid="announcement-item">
                <List.Item.Meta
                  title={<TitleLink announcement={a} onOpen={open} />}
                  description={<AnnouncementBody announcement={a} />}
                />
              </List.Item>
            )}
          />
        )}
      </Modal>

      <Modal
        open={opened !== null}
        title={opened && <TitleText announcement={opened} />}
        footer={null}
        onCancel={() => setOpened(null)}
        data-testid="announcement-detail"
      >
        {opened && <AnnouncementBody announcement={opened} />}
      </Modal>
    </section>
  );
}

function TitleText({ announcement: a }: { announcement: MyAnnouncement }) {
  const t = useAnnouncementMessages();
  return (
    <>
      {a.urgent && (
        <Tag color="red" className="sb-announcements__urgent">
          {t('ann.urgent')}
        </Tag>
      )}
      <span>{a.title}</span>
    </>
  );
}

function TitleLink({
  announcement: a,
  onOpen,
}: {
  announcement: MyAnnouncement;
  onOpen: (a: MyAnnouncement) => void;
}) {
  return (
    <button
      type="button"
      className={`sb-announcements__title${a.read ? '' : ' sb-announcements__title--unread'}${a.urgent ? ' sb-announcements__title--urgent' : ''}`}
      onClick={() => onOpen(a)}
      data-testid="announcement-title"
      title={a.title}
    >
      <TitleText announcement={a} />
    </button>
  );
}

function AnnouncementBody({ announcement: a }: { announcement: MyAnnouncement }) {
  const t = useAnnouncementMessages();
  return (
    <>
      <Typography.Paragraph className="sb-announcements__body">{a.body}</Typography.Paragraph>
      <Typography.Text type="secondary">
        {new Date(a.validFrom).toLocaleString()} ·{' '}
        {a.validTo ? t('ann.validUntil', { time: new Date(a.validTo).toLocaleString() }) : t('ann.validOpen')}
      </Typography.Text>
    </>
  );
}
