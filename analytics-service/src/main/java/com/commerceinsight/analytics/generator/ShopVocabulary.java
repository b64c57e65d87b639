package com.commerceinsight.analytics.generator;

import java.util.List;
import java.util.SplittableRandom;

/** The words the generated shop is written with: department and category names, people, places, carriers, reviews. */
final class ShopVocabulary {

    record Department(String name, String code, List<String> categories) {
    }

    record Place(String city, String state, String zipPrefix, String country, String currency) {
    }

    static final List<Department> DEPARTMENTS = List.of(
            new Department("Electronics", "ELE", List.of("Phones", "Laptops", "Audio", "Cameras", "Smart Home", "Gaming")),
            new Department("Home & Garden", "HOM", List.of("Kitchen", "Furniture", "Bedding", "Garden Tools", "Lighting", "Storage")),
            new Department("Fashion", "FAS", List.of("Women's Clothing", "Men's Clothing", "Shoes", "Bags", "Watches", "Jewellery")),
            new Department("Sports & Outdoors", "SPO", List.of("Fitness", "Cycling", "Camping", "Running", "Swimming", "Team Sports")),
            new Department("Books & Media", "BOO", List.of("Fiction", "Non-Fiction", "Children's Books", "Music", "Films", "Comics")),
            new Department("Beauty & Health", "BEA", List.of("Skin Care", "Hair Care", "Make-up", "Fragrances", "Vitamins", "Personal Care")),
            new Department("Toys & Kids", "TOY", List.of("Building Sets", "Dolls", "Board Games", "Baby Gear", "Outdoor Toys", "Puzzles")),
            new Department("Food & Drink", "FOO", List.of("Coffee & Tea", "Snacks", "Wine", "Pantry", "Organic", "Gift Boxes")));

    static final List<String> PRODUCT_ADJECTIVES = List.of(
            "Classic", "Premium", "Compact", "Eco", "Pro", "Essential", "Deluxe", "Smart", "Urban", "Vintage", "Ultra", "Everyday");

    static final List<String> FIRST_NAMES = List.of(
            "Anna", "Ben", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Katrin", "Lukas", "Marie",
            "Noah", "Olivia", "Paul", "Rosa", "Simon", "Tara", "Umar", "Vera", "William", "Yara", "Zoe", "Luca", "Sofia");

    static final List<String> LAST_NAMES = List.of(
            "Müller", "Schmidt", "Dubois", "Martin", "Smith", "Jones", "García", "Rossi", "Bianchi", "de Vries", "Jansen",
            "Nowak", "Kowalski", "Fernández", "Lefèvre", "Wagner", "Becker", "Taylor", "Brown", "Romano", "Bakker", "Moreau");

    static final List<String> STREETS = List.of(
            "Main Street", "Station Road", "Church Lane", "Park Avenue", "Market Square", "Mill Road", "High Street", "Lake View");

    static final List<Place> PLACES = List.of(
            new Place("Berlin", "BE", "10", "Germany", "EUR"), new Place("Munich", "BY", "80", "Germany", "EUR"),
            new Place("Hamburg", "HH", "20", "Germany", "EUR"), new Place("Paris", "IDF", "75", "France", "EUR"),
            new Place("Lyon", "ARA", "69", "France", "EUR"), new Place("London", "ENG", "EC", "United Kingdom", "GBP"),
            new Place("Manchester", "ENG", "M1", "United Kingdom", "GBP"), new Place("Amsterdam", "NH", "10", "Netherlands", "EUR"),
            new Place("Madrid", "MD", "28", "Spain", "EUR"), new Place("Milan", "LOM", "20", "Italy", "EUR"),
            new Place("Warsaw", "MZ", "00", "Poland", "PLN"), new Place("Vienna", "W", "10", "Austria", "EUR"));

    static final List<String> SUPPLIER_WORDS = List.of(
            "Northwind", "Bluepeak", "Sunfield", "Ironbridge", "Greenleaf", "Silverline", "Redwood", "Brightstone", "Oakridge",
            "Clearwater", "Westgate", "Highland");

    static final List<String> SUPPLIER_SUFFIXES = List.of("Trading", "Supply", "Goods", "Wholesale", "Distribution", "Imports");

    static final List<String> CARRIERS = List.of("DHL", "UPS", "FedEx", "DPD", "GLS");

    static final List<String> RETURN_REASONS = List.of("Wrong size", "Defective", "Not as described", "Changed mind", "Arrived late");

    /** Review titles by rating 1 .. 5. */
    static final List<List<String>> REVIEW_TITLES = List.of(
            List.of("Very disappointed", "Do not buy", "Broke after a week"),
            List.of("Not great", "Below expectations", "Poor quality"),
            List.of("It's okay", "Average", "Does the job"),
            List.of("Good value", "Happy with it", "Nice product"),
            List.of("Excellent", "Love it", "Exactly as described"));

    private ShopVocabulary() {
    }

    static <T> T pick(SplittableRandom rng, List<T> words) {
        return words.get(rng.nextInt(words.size()));
    }
}
