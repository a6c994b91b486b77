/**
 * The microphone, only while the musician records: getUserMedia is called when they press Record
 * (so the browser asks permission then, not on page load), the tracks are stopped on Stop, and the
 * recording is decoded to samples here in the page. Nothing is uploaded.
 */

export interface Recording {
  samples: Float32Array;
  sampleRate: number;
}

export interface ActiveRecording {
  /** Stop the microphone and return the samples, channels mixed to one. */
  stop(): Promise<Recording>;
  /** Stop and throw the audio away. */
  cancel(): void;
  /** Seconds recorded so far. */
  seconds(): number;
}

/** Start recording; rejects with the browser's reason when the microphone is refused or missing. */
export async function startRecording(): Promise<ActiveRecording> {
  if (!navigator.mediaDevices?.getUserMedia) throw new Error('this browser cannot record from a microphone');
  // Raw voice: echo cancellation and noise suppression smear pitch and swallow quiet humming.
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
  const recorder = new MediaRecorder(stream);
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size) chunks.push(e.data);
  };
  recorder.start(250);
  const startedAt = performance.now();
  const release = () => stream.getTracks().forEach((track) => track.stop());
  return {
    stop: () =>
      new Promise<Recording>((resolve, reject) => {
        recorder.onstop = async () => {
          release();
          try {
            resolve(await decode(new Blob(chunks, { type: recorder.mimeType })));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        };
        recorder.stop();
      }),
    seconds: () => (performance.now() - startedAt) / 1000,
    cancel: () => {
      recorder.onstop = null;
      if (recorder.state !== 'inactive') recorder.stop();
      release();
    },
  };
}

/** Compressed recording → mono samples at the recording's own rate. */
async function decode(blob: Blob): Promise<Recording> {
  const context = new OfflineAudioContext(1, 1, 48000);
  const buffer = await context.decodeAudioData(await blob.arrayBuffer());
  const samples = new Float32Array(buffer.length);
  for (let c = 0; c < buffer.numberOfChannels; c++) {
    const data = buffer.getChannelData(c);
    for (let i = 0; i < data.length; i++) samples[i]! += data[i]! / buffer.numberOfChannels;
  }
  return { samples, sampleRate: buffer.sampleRate };
}
