namespace Payouts.Domain.Records.Validation;

/// <summary>A record read from the wire: the validated record, or every field error. <see cref="RecordId"/> is echoed when it could be read.</summary>
public sealed record RecordReadResult<T>(T? Record, string? RecordId, FieldErrors Errors)
    where T : class
{
    public bool IsValid => Record is not null;
}
