// The board panel's view type, which the registration (the panel's restore after a reload) and
// the panel both name: a module of its own, so the panel does not load the registration's code.
export const BOARD_VIEW_TYPE = 'communityPartnerships.board';
