namespace Socle.Record.Features;

/// <summary>
/// The stored form of a deposit: a document's searched columns from its metadata and the DocumentReference as deposited
/// without its bytes; the SubmissionSet List with its entries pointing at the stored documents.
/// </summary>
internal static class StoredDeposit
{
    public static DocumentEntry Document(
        Guid id, Guid recordId, Guid submissionSetId, ProvidedDocument input, DocumentMetadata metadata, string sha1, Guid? replaces, DateTimeOffset now)
    {
        var stored = input.Reference;
        stored.Id = null;
        stored.Content![0].Attachment!.Data = null;
        stored.Content[0].Attachment!.Url = null;
        if (replaces is not null)
        {
            stored.RelatesTo = [new DocumentReferenceRelatesTo { Code = "replaces", Target = new Reference { ReferenceValue = $"DocumentReference/{replaces:N}" } }];
        }

        return new DocumentEntry
        {
            Id = id,
            RecordId = recordId,
            SubmissionSetId = submissionSetId,
            UniqueId = metadata.UniqueId,
            ClassCode = metadata.ClassCode,
            TypeCode = metadata.TypeCode,
            FormatCode = metadata.FormatCode,
            FacilityCode = metadata.FacilityCode,
            PracticeSettingCode = metadata.PracticeSettingCode,
            EventCodes = " " + string.Join(' ', metadata.EventCodes) + (metadata.EventCodes.Count > 0 ? " " : string.Empty),
            Confidentiality = metadata.Confidentiality,
            Visibility = (int)metadata.Visibility,
            AuthorIdNat = metadata.AuthorIdNat,
            AuthorStructure = metadata.AuthorStructure,
            DateMs = (metadata.Creation ?? now).ToUnixTimeMilliseconds(),
            ServiceStartMs = metadata.ServiceStart?.ToUnixTimeMilliseconds(),
            ServiceStopMs = metadata.ServiceStop?.ToUnixTimeMilliseconds(),
            Size = input.Content.LongLength,
            Sha1 = sha1,
            ContentType = metadata.ContentType,
            ReplacesId = replaces,
            ResourceJson = FhirJson.SerializeToString(stored),
        };
    }

    public static SubmissionSetEntry SubmissionSet(Guid id, Guid recordId, ProvideBundle parsed, string? depositorIdNat, IEnumerable<Guid> documentIds, DateTimeOffset now)
    {
        var list = parsed.SubmissionSet;
        list.Id = id.ToString("N");
        list.Date ??= DocumentMapper.Instant(now.ToUnixTimeMilliseconds());
        list.Entry = documentIds.Select(d => new ListEntry { Item = new Reference { ReferenceValue = $"DocumentReference/{d:N}" } }).ToList();
        return new SubmissionSetEntry
        {
            Id = id,
            RecordId = recordId,
            UniqueId = parsed.SubmissionSetUniqueId,
            AuthorIdNat = depositorIdNat,
            SubmittedAtMs = now.ToUnixTimeMilliseconds(),
            ResourceJson = FhirJson.SerializeToString(list),
        };
    }
}
