// The page object for the scenario gallery and the lesson panel, beside the Playground page
// object: specs open scenarios and follow lessons through it, by the shared test ids.
import { expect } from '@playwright/test';
import type { Locator } from '@playwright/test';
import { ATTR, TID } from '../../../src/app/testIds';
import type { Playground } from './Playground';

export class GalleryLesson {
  readonly openButton: Locator;
  readonly gallery: Locator;
  readonly lesson: Locator;
  readonly progress: Locator;
  readonly task: Locator;
  readonly hint: Locator;
  readonly presenter: Locator;
  readonly checkWork: Locator;
  readonly checkResult: Locator;
  readonly predict: Locator;
  readonly predictChoices: Locator;
  readonly predictSubmit: Locator;
  readonly reveal: Locator;
  readonly proof: Locator;
  readonly proofUrl: Locator;
  readonly source: Locator;
  readonly sourceText: Locator;

  constructor(readonly pg: Playground) {
    const id = (t: string) => pg.page.getByTestId(t);
    this.openButton = id(TID.galleryOpen);
    this.gallery = id(TID.gallery);
    this.lesson = id(TID.lesson);
    this.progress = id(TID.lessonProgress);
    this.task = id(TID.lessonTask);
    this.hint = id(TID.lessonHint);
    this.presenter = id(TID.presenter);
    this.checkWork = id(TID.lessonCheck);
    this.checkResult = id(TID.lessonCheckResult);
    this.predict = id(TID.lessonPredict);
    this.predictChoices = id(TID.lessonPredictChoice);
    this.predictSubmit = id(TID.lessonPredictSubmit);
    this.reveal = id(TID.lessonReveal);
    this.proof = id(TID.lessonProof);
    this.proofUrl = id(TID.lessonProofUrl);
    this.source = id(TID.lessonSource);
    this.sourceText = id(TID.lessonSourceText);
  }

  entry(name: string): Locator {
    return this.gallery.locator(`[${ATTR.scenario}="${name}"]`);
  }

  /** predictAnswer picks choice `n` (from 1) of the current task's question and locks it in. */
  async predictAnswer(n: number): Promise<void> {
    await this.predictChoices.nth(n - 1).check();
    await this.predictSubmit.click();
    await expect(this.predict).toHaveAttribute('data-predicted', String(n - 1));
  }

  /** open picks a scenario from the gallery and waits until the picker has closed. */
  async open(name: string): Promise<void> {
    await this.openButton.click();
    await expect(this.gallery).toBeVisible();
    await this.entry(name).click();
    await expect(this.gallery).toBeHidden();
  }
}
