export { type AnnouncementPublished, onAnnouncementPublished } from './announcement.events.ts';
export { registerAnnouncementRoutes } from './announcement.routes.ts';
