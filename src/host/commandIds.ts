/**
 * Every command id the extension registers or runs, written once. package.json's
 * `contributes.commands` stays the source of the Command Palette's entries (titles, icons, when
 * clauses); test/unit/commandIds.test.ts checks that it and this table agree.
 */
export const COMMANDS = {
  createContext: 'communityPartnerships.createContext',
  updateContext: 'communityPartnerships.updateContext',
  openContext: 'communityPartnerships.openContext',
  draftPitch: 'communityPartnerships.draftPitch',
  openAgreement: 'communityPartnerships.openAgreement',
  generateAgreement: 'communityPartnerships.generateAgreement',
  insertAgreement: 'communityPartnerships.insertAgreement',
  newPartnership: 'communityPartnerships.newPartnership',
  logMetric: 'communityPartnerships.logMetric',
  logCheckIn: 'communityPartnerships.logCheckIn',
  exportReport: 'communityPartnerships.exportReport',
  openPipelineBoard: 'communityPartnerships.openPipelineBoard',
  exportHashedMemberList: 'communityPartnerships.exportHashedMemberList',
  compareMemberLists: 'communityPartnerships.compareMemberLists',
  startPrivateOverlap: 'communityPartnerships.startPrivateOverlap',
  answerPrivateOverlap: 'communityPartnerships.answerPrivateOverlap',
  finishPrivateOverlap: 'communityPartnerships.finishPrivateOverlap',
  measureEventAttendance: 'communityPartnerships.measureEventAttendance',
  copyTrackedLink: 'communityPartnerships.copyTrackedLink',
  countAttributedSignups: 'communityPartnerships.countAttributedSignups',
  importTracker: 'communityPartnerships.importTracker',
  exportPipelineCsv: 'communityPartnerships.exportPipelineCsv',
  exportCalendar: 'communityPartnerships.exportCalendar',
  getStarted: 'communityPartnerships.getStarted',
  connectAssistant: 'communityPartnerships.connectAssistant',
  disconnectAssistant: 'communityPartnerships.disconnectAssistant',
} as const;

/** Registered, but not in the Command Palette: run from a Quick Fix, a completion, or links made before. */
export const INTERNAL_COMMANDS = {
  restructureContext: 'communityPartnerships.restructureContext',
  selectPlaceholder: 'communityPartnerships.selectPlaceholder',
  /** Kept for keybindings and links made before the planner became a view VS Code focuses itself. */
  openPlanner: 'communityPartnerships.openPlanner',
  /** VS Code's own command for the Planner view (its id and `.focus`). */
  focusPlanner: 'communityPartnerships.planner.focus',
  /** Marks a walkthrough step done (its `onContext` key), wherever the user did it. */
  walkthroughStep: 'communityPartnerships.walkthroughStep',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
