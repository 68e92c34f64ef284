import { EventEmitter } from 'node:events';

/**
 * "Something changed at this community" inside this process — a gate
 * passage, an observation reading, a report submitted, an issue answered —
 * for the live pages of every level (a street's dashboard listens to all of
 * its communities through one listener). Other processes' changes reach
 * those pages through their periodic refresh.
 */
export class CommunityNews {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  changed(communityId: string): void {
    this.emitter.emit('changed', communityId);
  }

  onAny(listener: (communityId: string) => void): () => void {
    this.emitter.on('changed', listener);
    return () => this.emitter.off('changed', listener);
  }
}
