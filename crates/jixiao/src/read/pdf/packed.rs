//! Long arrays of numbers, held packed while lopdf's copy of the file is counted. A font's
//! `/Widths` and a CID font's `/W` are arrays of hundreds of numbers, and lopdf holds each
//! number as an `Object` of over 100 bytes: the sample ×30's fonts' widths are 3 MB in lopdf's
//! objects, held while the file itself is still in memory (the read's largest moment). Packed,
//! a number is 9 bytes. Nothing between the load and the lean copy reads a font's widths, and
//! the copy is written with every array as it was.

use lopdf::{Dictionary, Document, Object};

/// Marks a dictionary that stands for a packed array: its value is the array's numbers.
const PACKED: &[u8] = b"JixiaoPackedNumbers";

/// Arrays shorter than this are left as they are: the dictionary that stands for a packed one
/// costs about as much as a few numbers.
const SHORTEST: usize = 16;

/// Packs every long array of numbers in `object` (the object itself when it is one).
pub fn pack(object: &mut Object) {
    match object {
        Object::Array(items) if items.len() >= SHORTEST && items.iter().all(|o| matches!(o, Object::Integer(_) | Object::Real(_))) => {
            let mut bytes = Vec::with_capacity(items.len() * 9);
            for item in items.iter() {
                match item {
                    Object::Integer(i) => {
                        bytes.push(b'i');
                        bytes.extend_from_slice(&i.to_le_bytes());
                    }
                    Object::Real(r) => {
                        bytes.push(b'r');
                        bytes.extend_from_slice(&u64::from(r.to_bits()).to_le_bytes());
                    }
                    _ => unreachable!("only numbers are packed"),
                }
            }
            // A name, not a string: a file's decryption leaves names as they are.
            let mut dict = Dictionary::new();
            dict.set(PACKED, Object::Name(bytes));
            *object = Object::Dictionary(dict);
        }
        Object::Array(items) => items.iter_mut().for_each(pack),
        Object::Dictionary(d) => d.iter_mut().for_each(|(_, o)| pack(o)),
        Object::Stream(s) => s.dict.iter_mut().for_each(|(_, o)| pack(o)),
        _ => {}
    }
}

/// Every packed array in the document as it was.
pub fn unpack_all(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        unpack(object);
    }
}

fn unpack(object: &mut Object) {
    if let Some(numbers) = packed_numbers(object) {
        *object = Object::Array(numbers);
        return;
    }
    match object {
        Object::Array(items) => items.iter_mut().for_each(unpack),
        Object::Dictionary(d) => d.iter_mut().for_each(|(_, o)| unpack(o)),
        Object::Stream(s) => s.dict.iter_mut().for_each(|(_, o)| unpack(o)),
        _ => {}
    }
}

/// The numbers a packed array holds; None for anything else (a file's own dictionary that
/// happens to use the mark, but not its form, is left alone).
fn packed_numbers(object: &Object) -> Option<Vec<Object>> {
    let Object::Dictionary(d) = object else { return None };
    let Ok(Object::Name(bytes)) = d.get(PACKED) else { return None };
    if d.len() != 1 || bytes.len() % 9 != 0 {
        return None;
    }
    bytes
        .chunks_exact(9)
        .map(|item| {
            let (tag, value) = item.split_first()?;
            match tag {
                b'i' => Some(Object::Integer(i64::from_le_bytes(value.try_into().ok()?))),
                b'r' => Some(Object::Real(f32::from_bits(u32::try_from(u64::from_le_bytes(value.try_into().ok()?)).ok()?))),
                _ => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Stream, dictionary};

    #[test]
    fn long_arrays_of_numbers_are_packed_and_come_back_as_they_were() {
        let widths: Vec<Object> = (0..40).map(|i| if i % 3 == 0 { Object::Real(i as f32 + 0.5) } else { Object::Integer(i * 1000) }).collect();
        let w = vec![Object::Integer(1), Object::Array(widths.clone()), Object::Integer(7), Object::Integer(9), Object::Integer(500)];
        let font = Object::Dictionary(dictionary! { "Type" => "Font", "Widths" => widths.clone(), "W" => w.clone(), "BBox" => vec![Object::Integer(0); 4] });
        let mut doc = Document::with_version("1.7");
        let (font_id, array_id) = (doc.add_object(font.clone()), doc.add_object(widths.clone()));
        let stream_id = doc.add_object(Stream::new(dictionary! { "Decode" => widths.clone() }, b"x".to_vec()));
        let originals: Vec<Object> = [font_id, array_id, stream_id].iter().map(|id| doc.get_object(*id).unwrap().clone()).collect();
        for object in doc.objects.values_mut() {
            pack(object);
        }
        let packed = doc.get_dictionary(font_id).unwrap();
        assert!(packed.get(b"Widths").unwrap().as_dict().is_ok(), "a long array is packed");
        assert!(packed.get(b"BBox").unwrap().as_array().is_ok(), "a short one is not");
        assert!(doc.get_object(array_id).unwrap().as_dict().is_ok(), "an array that is an object of its own is packed");
        unpack_all(&mut doc);
        for (id, original) in [font_id, array_id, stream_id].iter().zip(originals) {
            assert_eq!(format!("{:?}", doc.get_object(*id).unwrap()), format!("{original:?}"));
        }
    }

    #[test]
    fn a_files_own_dictionary_with_the_mark_is_left_alone() {
        let mut object = Object::Dictionary(dictionary! { PACKED => Object::Name(b"not nine".to_vec()) });
        unpack(&mut object);
        assert!(object.as_dict().unwrap().has(PACKED));
    }
}
