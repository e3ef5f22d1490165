import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { z } from 'zod';
import { actorOf, hasAnyRole } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App } from '../../http/app-types.ts';
import { recordAuditEvent } from '../audit/audit.repository.ts';
import { CALL_RECORDS_ERRORS } from './call-records.errors.ts';
import { findCdr } from './call-records.repository.ts';
import type { CallRecordsDeps } from './call-records.routes.ts';
import type { RecordingFile } from './cdr.ts';

const READ_ALL = ['team_lead', 'duty_lead', 'qa', 'admin'] as const;

// Listening back to a call (回放, CTI-17): the WAV of one of the call's recordings, streamed to the
// browser's audio player. Every play or download is audited with who and which call.
export function registerRecordingRoutes(app: App, deps: CallRecordsDeps): void {
  app.get(
    '/api/cdrs/:callId/recordings/:recordingId',
    {
      config: { access: [...READ_ALL, 'agent'] },
      schema: {
        tags: ['call-records'],
        summary: "Play back a call's recording (WAV); audited",
        params: z.object({ callId: z.string().min(1).max(64), recordingId: z.string().min(1).max(64) }),
        produces: ['audio/wav'],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { callId, recordingId } = request.params;
      const scope = hasAnyRole(actor, READ_ALL) ? 'all' : { agentId: actor.id };
      const row = await deps.db
        .selectFrom('cdrs')
        .select('recording_files')
        .where('call_id', '=', callId)
        .executeTakeFirst();
      const allowed = row && (await findCdr(deps.db, callId, scope));
      const file = allowed
        ? ((row.recording_files ?? []) as RecordingFile[]).find((f) => f.recordingId === recordingId)
        : undefined;
      const size = file
        ? await stat(file.file).then(
            (s) => s.size,
            () => null,
          )
        : null;
      if (!file || size === null) throw new AppError(CALL_RECORDS_ERRORS.RECORDING_NOT_FOUND);
      await recordAuditEvent(deps.db, {
        at: deps.clock.now(),
        actor,
        action: 'recording.play',
        objectType: 'call',
        objectId: callId,
        ip: request.ip,
        detail: { recordingId },
      });
      reply.header('content-type', 'audio/wav');
      reply.header('content-length', String(size));
      reply.header('content-disposition', `inline; filename="${callId}-${recordingId}.wav"`);
      return reply.send(createReadStream(file.file));
    },
  );
}
