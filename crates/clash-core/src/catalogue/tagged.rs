//! Enums written as `{ kind = "…", … }` (a rule, an end), read without
//! buffering when `kind` comes first.
//!
//! serde's internally tagged enums (`#[serde(tag = "kind")]`) always copy
//! the whole table into an intermediate form before choosing the variant,
//! which was about a tenth of reading the compact catalogue at every start
//! of the binary. Here the enum derives serde's default, externally tagged
//! form (`{ "hindu": { … } }`) and these functions translate: a table
//! whose first key is `kind` is read straight into the variant (the compact
//! form always writes `kind` first); any other order (TOML as written by
//! hand) is gathered first and then read the same way, with the same
//! errors for an unknown kind or field.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, MapDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, EnumAccess, MapAccess, VariantAccess, Visitor};
use serde::ser::{Error as _, SerializeMap};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::text::Text;

/// The tag's name.
const KIND: &str = "kind";

/// Reads `{ kind = "variant", field = … }` as the externally tagged enum
/// `T` (for `#[serde(deserialize_with = "…")]`).
pub(crate) fn deserialize<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    deserializer.deserialize_map(KindVisitor(PhantomData))
}

/// Writes the externally tagged enum `value` as `{ kind = "variant",
/// field = … }`, `kind` first (for `#[serde(serialize_with = "…")]`; only
/// the compact form is written, so a JSON value in between costs nothing
/// that matters).
pub(crate) fn serialize<T, S>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
where
    T: Serialize,
    S: Serializer,
{
    let json = serde_json::to_value(value).map_err(S::Error::custom)?;
    // `"kind"` for a kind without fields, else `{ "kind": { fields } }`.
    let (kind, fields) = match &json {
        serde_json::Value::String(kind) => (kind, None),
        serde_json::Value::Object(o) => match o.iter().next() {
            Some((kind, fields)) => (kind, fields.as_object()),
            None => return Err(S::Error::custom("expected a kind")),
        },
        _ => return Err(S::Error::custom("expected a kind")),
    };
    let fields = fields.into_iter().flatten();
    let mut map = serializer.serialize_map(None)?;
    map.serialize_entry(KIND, kind)?;
    for (k, v) in fields {
        map.serialize_entry(k, v)?;
    }
    map.end()
}

/// As [`deserialize`], for an optional field (with `default`).
pub(crate) fn deserialize_some<'de, T, D>(deserializer: D) -> Result<Option<T>, D::Error>
where
    T: Deserialize<'de>,
    D: Deserializer<'de>,
{
    deserialize(deserializer).map(Some)
}

/// As [`serialize`], for an optional field.
pub(crate) fn serialize_some<T, S>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error>
where
    T: Serialize,
    S: Serializer,
{
    match value {
        Some(v) => serialize(v, serializer),
        None => serializer.serialize_none(),
    }
}

struct KindVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for KindVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a table with a `kind`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let Some(first) = map.next_key::<Text<'de>>()? else {
            return Err(de::Error::missing_field(KIND));
        };
        if first.as_str() == KIND {
            let kind: Text<'de> = map.next_value()?;
            return T::deserialize(Tagged { kind, fields: map });
        }
        // Another order: gather the table, then read it the same way.
        let mut table = toml::Table::new();
        let value: toml::Value = map.next_value()?;
        table.insert(first.into_string(), value);
        while let Some((k, v)) = map.next_entry::<Text<'de>, toml::Value>()? {
            if table.insert(k.as_str().to_owned(), v).is_some() {
                return Err(de::Error::custom(format_args!("duplicate field `{k}`")));
            }
        }
        let kind = match table.remove(KIND) {
            Some(toml::Value::String(kind)) => kind,
            Some(_) => return Err(de::Error::custom("`kind` must be a string")),
            None => return Err(de::Error::missing_field(KIND)),
        };
        let fields = MapDeserializer::<_, toml::de::Error>::new(table.into_iter());
        T::deserialize(Tagged {
            kind: Text(kind.into()),
            fields,
        })
        .map_err(|e| de::Error::custom(e.message()))
    }
}

/// The enum once its kind is known: the variant, then its fields from the
/// rest of the table.
struct Tagged<'de, A> {
    kind: Text<'de>,
    fields: A,
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for Tagged<'de, A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_enum(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de, A: MapAccess<'de>> EnumAccess<'de> for Tagged<'de, A> {
    type Error = A::Error;
    type Variant = Fields<A>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Fields<A>), A::Error> {
        let variant = seed.deserialize(StrDeserializer::<A::Error>::new(self.kind.as_str()))?;
        Ok((variant, Fields(self.fields)))
    }
}

/// The rest of the table, as the variant's fields.
struct Fields<A>(A);

impl<'de, A: MapAccess<'de>> VariantAccess<'de> for Fields<A> {
    type Error = A::Error;

    /// A kind without fields (`{ kind = "end-of-month" }`).
    fn unit_variant(mut self) -> Result<(), A::Error> {
        match self.0.next_key::<Text<'de>>()? {
            None => Ok(()),
            Some(k) => Err(de::Error::unknown_field(k.as_str(), &[])),
        }
    }

    /// A kind whose fields are a struct of their own (`Hindu(TithiSpec)`).
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        seed.deserialize(MapAccessDeserializer::new(self.0))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, A::Error> {
        Err(de::Error::custom("expected a kind with fields"))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_map(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::Text;
    use serde::{Deserialize, Serialize};

    /// Kinds shaped like the catalogue's rules and ends (`spec::RuleSpec`,
    /// `spec::EndSpec`, which read through here; the CLI tests and the
    /// compact form's doc test read them whole): fields in the variant, in
    /// a struct of their own, or none.
    #[derive(Debug, Deserialize, Serialize)]
    #[serde(rename_all = "kebab-case", deny_unknown_fields)]
    enum Kind<'a> {
        Fixed {
            month: u32,
            day: u32,
        },
        Relative {
            #[serde(borrow)]
            to: Text<'a>,
            #[serde(default)]
            offset: i64,
        },
        Named(#[serde(borrow)] Name<'a>),
        EndOfMonth,
    }

    #[derive(Debug, Deserialize, Serialize)]
    #[serde(deny_unknown_fields)]
    struct Name<'a> {
        #[serde(borrow)]
        name: Text<'a>,
        year: Option<i32>,
    }

    #[derive(Debug, Deserialize, Serialize)]
    struct One<'a> {
        #[serde(
            borrow,
            deserialize_with = "super::deserialize",
            serialize_with = "super::serialize"
        )]
        rule: Kind<'a>,
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            borrow,
            deserialize_with = "super::deserialize_some",
            serialize_with = "super::serialize_some"
        )]
        end: Option<Kind<'a>>,
    }

    fn toml(text: &str) -> Result<String, String> {
        toml::from_str::<One>(text)
            .map(|o| format!("{o:?}"))
            .map_err(|e| e.message().to_owned())
    }

    fn json(text: &str) -> Result<String, String> {
        serde_json::from_str::<One>(text)
            .map(|o| format!("{o:?}"))
            .map_err(|e| e.to_string())
    }

    /// Every order of the keys reads the same, from TOML and from JSON, and
    /// the written form has `kind` first and reads back the same.
    #[test]
    fn any_order_reads_the_same() {
        for (first, others) in [
            (
                r#"rule = { kind = "fixed", month = 3, day = 14 }
end = { kind = "end-of-month" }"#,
                [
                    r#"rule = { month = 3, kind = "fixed", day = 14 }
end = { kind = "end-of-month" }"#,
                    r#"rule = { day = 14, month = 3, kind = "fixed" }
end = { kind = "end-of-month" }"#,
                    r#"{"rule": {"kind": "fixed", "month": 3, "day": 14}, "end": {"kind": "end-of-month"}}"#,
                    r#"{"rule": {"day": 14, "month": 3, "kind": "fixed"}, "end": {"kind": "end-of-month"}}"#,
                ],
            ),
            (
                r#"rule = { kind = "named", name = "losar", year = 2027 }"#,
                [
                    r#"rule = { name = "losar", kind = "named", year = 2027 }"#,
                    r#"rule = { year = 2027, name = "losar", kind = "named" }"#,
                    r#"{"rule": {"kind": "named", "name": "losar", "year": 2027}}"#,
                    r#"{"rule": {"name": "losar", "year": 2027, "kind": "named"}}"#,
                ],
            ),
        ] {
            let want = toml(first).unwrap();
            for text in others {
                let got = match text.starts_with('{') {
                    true => json(text),
                    false => toml(text),
                };
                assert_eq!(got.unwrap(), want, "{text}");
            }
        }
        assert!(toml(r#"rule = { kind = "named", name = "losar" }"#)
            .unwrap()
            .contains("Named(Name { name: Text(\"losar\"), year: None })"));
        let one: One = toml::from_str(
            r#"rule = { to = "diwali", kind = "relative", offset = 1 }
end = { kind = "relative", to = "holi" }"#,
        )
        .unwrap();
        let written = serde_json::to_string(&one).unwrap();
        assert_eq!(
            written,
            r#"{"rule":{"kind":"relative","to":"diwali","offset":1},"end":{"kind":"relative","to":"holi","offset":0}}"#
        );
        assert_eq!(json(&written).unwrap(), format!("{one:?}"));
        let named: One =
            toml::from_str(r#"rule = { kind = "named", name = "losar", year = 2027 }"#).unwrap();
        let written = serde_json::to_string(&named).unwrap();
        assert_eq!(
            written,
            r#"{"rule":{"kind":"named","name":"losar","year":2027}}"#
        );
    }

    /// The errors name the kind or field at fault, in either order.
    #[test]
    fn errors_name_what_is_wrong() {
        let cases = [
            (r#"rule = { kind = "lunar", day = 1 }"#, "unknown variant `lunar`"),
            (r#"rule = { day = 1, kind = "lunar" }"#, "unknown variant `lunar`"),
            (r#"rule = { kind = "fixed", month = 3, day = 14, weekday = "monday" }"#, "unknown field `weekday`"),
            (r#"rule = { weekday = "monday", kind = "fixed", month = 3, day = 14 }"#, "unknown field `weekday`"),
            (r#"rule = { kind = "fixed", month = 3 }"#, "missing field `day`"),
            (r#"rule = { month = 3, kind = "fixed" }"#, "missing field `day`"),
            (r#"rule = { month = 3, day = 14 }"#, "missing field `kind`"),
            (r#"rule = {}"#, "missing field `kind`"),
            (r#"rule = { day = 14, kind = 3 }"#, "`kind` must be a string"),
            (r#"rule = { kind = "fixed", month = "March", day = 14 }"#, "invalid type"),
            (
                "rule = { kind = \"fixed\", month = 3, day = 14 }\nend = { kind = \"end-of-month\", day = 3 }",
                "unknown field `day`",
            ),
            (r#"rule = "fixed""#, "invalid type"),
            (r#"rule = { kind = "named", name = "losar", day = 1 }"#, "unknown field `day`"),
            (r#"rule = { day = 1, kind = "named", name = "losar" }"#, "unknown field `day`"),
            (r#"rule = { kind = "named" }"#, "missing field `name`"),
        ];
        for (text, want) in cases {
            let got = toml(text).unwrap_err();
            assert!(got.contains(want), "{text}: {got}");
        }
        let got =
            json(r#"{"rule": {"month": 3, "day": 14, "day": 15, "kind": "fixed"}}"#).unwrap_err();
        assert!(got.contains("duplicate field `day`"), "{got}");
    }
}
