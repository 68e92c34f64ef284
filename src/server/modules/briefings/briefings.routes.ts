import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Briefing, BriefingQuery, BriefingWrite, Hazard, HazardCreate, HazardQuery, HazardUpdate, MyTasks, MyTasksQuery, Task, TaskCreate, TaskDoneBatch, TaskEdit,
} from '../../../contract/briefings.ts';
import { Id } from '../../../contract/common.ts';
import { ItemResult } from '../../../contract/gates.ts';
import type { Services } from '../../services.ts';
import { actorOf } from '../../plugins/session.plugin.ts';

const tags = ['briefings'];
const ById = z.object({ id: Id });

export const briefingsRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { briefings, ticks, hazards } = services.briefings;

  /* The morning briefing and its tasks */
  app.get('/api/briefings', {
    schema: { tags, summary: 'A community’s briefing of a day: notes (null before written), tasks, hazards open that day', querystring: BriefingQuery, response: { 200: Briefing } },
    handler: (r) => briefings.get(actorOf(r), r.query),
  });
  app.put('/api/briefings', {
    schema: { tags, summary: 'Write the day’s notes (the first write makes the day’s briefing)', body: BriefingWrite, response: { 200: Briefing } },
    handler: (r) => briefings.write(actorOf(r), r.body),
  });
  app.post('/api/briefings/tasks', {
    schema: { tags, summary: 'A task of a day for people or work teams; a retry with the same id is stored once', body: TaskCreate, response: { 200: Task } },
    handler: (r) => briefings.createTask(actorOf(r), r.body),
  });
  app.patch('/api/briefings/tasks/:id', {
    schema: { tags, summary: 'Edit a task’s text, cancel or restore it (not once done)', params: ById, body: TaskEdit, response: { 200: Task } },
    handler: (r) => briefings.editTask(actorOf(r), r.params.id, r.body),
  });
  app.post('/api/briefings/tasks/done', {
    schema: { tags, summary: 'Tasks ticked off from a phone’s outbox, each stored once', body: TaskDoneBatch, response: { 200: z.array(ItemResult) } },
    handler: (r) => ticks.store(actorOf(r), r.body.items, r.locale),
  });
  app.get('/api/me/tasks', {
    schema: { tags, summary: 'My tasks of a day (mine or my team’s that day), with open hazards', querystring: MyTasksQuery, response: { 200: MyTasks } },
    handler: (r) => briefings.myTasks(actorOf(r), r.query),
  });

  /* Hazards */
  app.get('/api/hazards', {
    schema: { tags, summary: 'A community’s hazards, newest first; open=true for open ones', querystring: HazardQuery, response: { 200: z.array(Hazard) } },
    handler: (r) => hazards.list(actorOf(r), r.query),
  });
  app.post('/api/hazards', {
    schema: { tags, summary: 'Log a hazard (anyone working at the community)', body: HazardCreate, response: { 200: Hazard } },
    handler: (r) => hazards.create(actorOf(r), r.body),
  });
  app.post('/api/hazards/:id/updates', {
    schema: { tags, summary: 'An update to an open hazard; close: true (the community’s lead) closes it', params: ById, body: HazardUpdate, response: { 200: Hazard } },
    handler: (r) => hazards.update(actorOf(r), r.params.id, r.body),
  });
};
