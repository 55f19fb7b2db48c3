namespace CareFlows.Server.Definitions;

public enum DraftOutcome { Saved, Conflict, NotFound }
