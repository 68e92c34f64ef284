import { EventEmitter } from 'node:events';
import type { Alert } from '../../../contract/gates.ts';
import type { CommunityNews } from '../../community-news.ts';

export type GateEvent = { type: 'changed' } | { type: 'alert'; alert: Alert };

/**
 * News of a community's gates inside this process: a registration stored, a
 * state decided, an alert raised. The live view listens to push updates at
 * once; other processes' writes reach it through its periodic refresh.
 */
export class GateEvents {
  private readonly emitter = new EventEmitter();

  constructor(private readonly news?: CommunityNews) {
    // One listener per open live view; many consoles may watch a community.
    this.emitter.setMaxListeners(0);
  }

  changed(communityId: string): void {
    this.emitter.emit(communityId, { type: 'changed' } satisfies GateEvent);
    this.news?.changed(communityId);
  }

  alert(communityId: string, alert: Alert): void {
    this.emitter.emit(communityId, { type: 'alert', alert } satisfies GateEvent);
    this.news?.changed(communityId);
  }

  subscribe(communityId: string, listener: (event: GateEvent) => void): () => void {
    this.emitter.on(communityId, listener);
    return () => this.emitter.off(communityId, listener);
  }
}
