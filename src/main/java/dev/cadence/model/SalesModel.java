package dev.cadence.model;

/** The seed's two cadence types, chosen from the sales model. */
public enum SalesModel {
  /** Short cycle, small deal, few decision makers: few touch points. */
  TRANSACTIONAL,
  /** Long cycle, large deal, many decision makers: staged, branching cadence. */
  RELATIONAL
}
