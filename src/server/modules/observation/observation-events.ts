import { EventEmitter } from 'node:events';
import type { CommunityNews } from '../../community-news.ts';

/**
 * In-process news of a community's observation work (a reading stored, an
 * alert raised, a person released), for pages that listen. Other processes'
 * news reaches them by the pages' own refresh.
 */
export class ObservationEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  constructor(private readonly news?: CommunityNews) {}

  changed(communityId: string): void {
    this.emitter.emit(communityId);
    this.news?.changed(communityId);
  }

  on(communityId: string, listener: () => void): () => void {
    this.emitter.on(communityId, listener);
    return () => this.emitter.off(communityId, listener);
  }
}
