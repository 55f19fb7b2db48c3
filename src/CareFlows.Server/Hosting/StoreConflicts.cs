namespace CareFlows.Server.Hosting;

public static class StoreConflicts
{
    /// <summary>
    /// Someone else wrote first: a stream appended at a stale version, a document saved at a stale revision, or a
    /// stream started twice (Marten throws either of two collision types depending on where it notices).
    /// Deciding again on fresh state is the answer to all of them.
    /// </summary>
    public static bool IsWriteConflict(Exception e) =>
        e is JasperFx.ConcurrencyException
            or Marten.Exceptions.ExistingStreamIdCollisionException
            or JasperFx.Events.ExistingStreamIdCollisionException;
}
