using Socle.Identity.Domain.Matching;
using Socle.Identity.Domain.Reference;

namespace Socle.Identity.Domain.Local;

/// <summary>
/// An identity in an organisation's local repository (GAM), with the RNIV rules: the status derives from two
/// facts (traits from INSi; checked on a high-trust document) and from the attributes.
/// </summary>
internal sealed class LocalIdentity
{
    public Guid Id { get; set; }

    public string Organisation { get; set; } = string.Empty;

    public string IppSystem { get; set; } = string.Empty;

    public string Ipp { get; set; } = string.Empty;

    public string BirthFamilyName { get; set; } = string.Empty;

    public string BirthGivenNames { get; set; } = string.Empty;

    public string? UsedFamilyName { get; set; }

    public string? UsedGivenName { get; set; }

    public DateOnly BirthDate { get; set; }

    public Gender Gender { get; set; }

    public string? Birthplace { get; set; }

    public string? Ins { get; set; }

    public string? InsOid { get; set; }

    public long? InsiRetrievedAtMs { get; set; }

    public string? ValidationDocument { get; set; }

    public long? ValidatedAtMs { get; set; }

    public bool Doubtful { get; set; }

    public bool Fictitious { get; set; }

    public bool Homonym { get; set; }

    public string? TelecomJson { get; set; }

    public string? AddressJson { get; set; }

    public string? PostalCode { get; set; }

    public string StatusCode { get; set; } = "PROV";

    public string FamilyKey { get; set; } = string.Empty;

    public string? UsedFamilyKey { get; set; }

    public string GivenKey { get; set; } = string.Empty;

    public string PhoneticKey { get; set; } = string.Empty;

    public Guid? MergedIntoId { get; set; }

    public long? MergedAtMs { get; set; }

    public int Version { get; set; }

    public long CreatedAtMs { get; set; }

    public long UpdatedAtMs { get; set; }

    public bool RetrievedFromInsi => InsiRetrievedAtMs is not null;

    public bool CheckedOnDocument => ValidationDocument is not null;

    public IdentityStatus Status => Rniv.Derive(RetrievedFromInsi, CheckedOnDocument);

    public bool IsMerged => MergedIntoId is not null;

    /// <summary>The INS may leave Socle only for a qualified identity.</summary>
    public bool MayShareIns => Status == IdentityStatus.Qualified && Ins is not null;

    public InsTraits Traits => new(BirthFamilyName, BirthGivenNames, BirthDate, Gender, Birthplace);

    /// <summary>Sets the traits; changing a strict trait of a RECUP/QUAL identity drops the INSi fact.</summary>
    public void SetTraits(InsTraits traits)
    {
        if (RetrievedFromInsi && traits != Traits)
        {
            DropInsiFact();
        }

        BirthFamilyName = traits.BirthFamilyName;
        BirthGivenNames = traits.BirthGivenNames;
        BirthDate = traits.BirthDate;
        Gender = traits.Gender;
        Birthplace = traits.Birthplace;
        Refresh();
    }

    public void SetAttributes(bool doubtful, bool fictitious, bool homonym)
    {
        if (doubtful && fictitious)
        {
            throw IdentityErrors.DoubtfulAndFictitious.ToException();
        }

        Doubtful = doubtful;
        Fictitious = fictitious;
        Homonym = homonym;
        if (doubtful || fictitious)
        {
            // RNIV: such an identity can only be provisional.
            DropInsiFact();
            ValidationDocument = null;
            ValidatedAtMs = null;
        }

        Refresh();
    }

    /// <summary>The INSi traits replace the local ones.</summary>
    public void AttachIns(ReferenceIdentity reference, long nowMs)
    {
        EnsureInsiAllowed();
        BirthFamilyName = reference.BirthFamilyName;
        BirthGivenNames = reference.BirthGivenNames;
        BirthDate = reference.BirthDate;
        Gender = reference.Gender;
        Birthplace = reference.Birthplace;
        Ins = reference.Nir;
        InsOid = reference.Oid;
        InsiRetrievedAtMs = nowMs;
        Refresh();
    }

    public void ValidateWithDocument(string documentType, long nowMs)
    {
        EnsureInsiAllowed();
        ValidationDocument = documentType;
        ValidatedAtMs = nowMs;
        Refresh();
    }

    public void DropInsiFact()
    {
        Ins = null;
        InsOid = null;
        InsiRetrievedAtMs = null;
        Refresh();
    }

    public void Refresh()
    {
        StatusCode = Status.Code();
        FamilyKey = InsName.Key(BirthFamilyName);
        GivenKey = InsName.Key(BirthGivenNames);
        UsedFamilyKey = UsedFamilyName is null ? null : InsName.Key(UsedFamilyName);
        PhoneticKey = FrenchPhonetic.Encode(FamilyKey);
    }

    private void EnsureInsiAllowed()
    {
        if (IsMerged)
        {
            throw IdentityErrors.MergedIdentity.ToException();
        }

        if (Doubtful || Fictitious)
        {
            throw IdentityErrors.InsiForbiddenForAttribute.ToException();
        }
    }
}
